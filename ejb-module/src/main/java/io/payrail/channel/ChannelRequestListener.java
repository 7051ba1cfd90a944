package io.payrail.channel;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.logging.Logger;

/**
 * Consumes the channel request queue (payments and refunds). Not transacted with MySQL (no XA): the message is
 * acknowledged after {@link PaymentDispatcher} has committed the channel's answer, and a message
 * delivered again (a crash before the acknowledgement, a broker redelivery) finds the order
 * already final and changes nothing.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-ra"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/payrail/ChannelRequestQueue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChannelRequestListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ChannelRequestListener.class.getName());

    @Inject
    private PaymentDispatcher payments;

    @Inject
    private RefundDispatcher refunds;

    @Override
    public void onMessage(Message message) {
        JsonObject body = bodyOf(message);
        if (body.containsKey("refundId")) {
            refunds.dispatch(body.getString("refundId"));
        } else {
            payments.dispatch(body.getString("orderId"));
        }
    }

    static JsonObject bodyOf(Message message) {
        try {
            if (!(message instanceof TextMessage text)) {
                throw new IllegalArgumentException("expected a TextMessage, got " + message.getClass().getName());
            }
            try (JsonReader reader = Json.createReader(new StringReader(text.getText()))) {
                JsonObject body = reader.readObject();
                if (!body.containsKey("orderId") && !body.containsKey("refundId")) {
                    throw new IllegalArgumentException("neither orderId nor refundId in " + text.getText());
                }
                return body;
            }
        } catch (JMSException | RuntimeException e) {
            // unreadable: let the broker retry and finally park it in the DLQ where an operator sees it
            LOG.severe(() -> "unreadable channel request " + safeId(message) + ": " + e.getMessage());
            throw new IllegalArgumentException("unreadable channel request", e);
        }
    }

    private static String safeId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(no id)";
        }
    }
}
