package io.payrail.web.backoffice;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import io.payrail.staff.StaffAudit;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The broker's dead-letter queue (DLQ: messages delivered ten times without success) and the
 * channel request queue's depth. A re-drive sends a copy of the message back to the address it
 * died on, then removes it from the DLQ: a crash in between leaves it in both places, which is
 * safe because every consumer is idempotent, whereas the other order could lose it. The copy
 * carries none of the broker's own properties: its duplicate-detection id would make the broker
 * drop it as already seen.
 */
@ApplicationScoped
public class DeadLetters {

    static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";
    private static final int MAX_LISTED = 200;

    @Resource(lookup = "jms/payrail/ConnectionFactory")
    private ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/payrail/DeadLetterQueue")
    private Queue deadLetters;

    @Resource(lookup = "jms/payrail/ChannelRequestQueue")
    private Queue channelRequests;

    @Inject
    private StaffAudit audit;

    /** The dead letters, oldest first (at most 200): id, original address, when, delivery count, body. */
    public List<Map<String, Object>> list() {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (JMSContext jms = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = jms.createBrowser(deadLetters)) {
            for (Object o : Collections.list((Enumeration<?>) browser.getEnumeration())) {
                if (rows.size() >= MAX_LISTED) {
                    break;
                }
                rows.add(describe((Message) o));
            }
        } catch (JMSException e) {
            throw unavailable(e);
        }
        return rows;
    }

    /** How many messages wait on the channel request queue and on the DLQ (counted up to 10,000). */
    public Map<String, Object> depths() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("channelRequests", count(channelRequests));
        out.put("deadLetters", count(deadLetters));
        return out;
    }

    /** Sends a copy of the dead letter to its original address, then takes it off the DLQ; audited. */
    public void redrive(Actor actor, String messageId) {
        Message found = find(messageId).orElseThrow(() -> new PayrailException(ErrorCode.RESOURCE_NOT_FOUND,
                "no dead letter " + messageId + " (re-driven already?); reload the list"));
        try (JMSContext jms = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            String address = found.getStringProperty(ORIGINAL_ADDRESS);
            if (address == null || !(found instanceof TextMessage text)) {
                throw new PayrailException(ErrorCode.VALIDATION_FAILED, "dead letter " + messageId
                        + " names no original address (or is not text): it cannot be re-driven; leave it for a developer");
            }
            TextMessage copy = jms.createTextMessage(text.getText());
            for (Object name : Collections.list((Enumeration<?>) found.getPropertyNames())) {
                String key = name.toString();
                if (!key.startsWith("_AMQ") && !key.startsWith("JMSX")) {
                    copy.setObjectProperty(key, found.getObjectProperty(key));
                }
            }
            jms.createProducer().send(jms.createQueue(address), copy);
            try (JMSConsumer consumer = jms.createConsumer(deadLetters, selector(messageId))) {
                consumer.receive(5_000);
            }
            audit.record(actor.staffId(), "DLQ_REDRIVEN", messageId, describe(found).toString(),
                    "{\"sentTo\":\"" + address + "\"}", actor.address());
        } catch (JMSException e) {
            throw unavailable(e);
        }
    }

    private Optional<Message> find(String messageId) {
        try (JMSContext jms = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = jms.createBrowser(deadLetters, selector(messageId))) {
            Enumeration<?> e = browser.getEnumeration();
            return e.hasMoreElements() ? Optional.of((Message) e.nextElement()) : Optional.empty();
        } catch (JMSException e) {
            throw unavailable(e);
        }
    }

    private long count(Queue queue) {
        try (JMSContext jms = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = jms.createBrowser(queue)) {
            Enumeration<?> e = browser.getEnumeration();
            long n = 0;
            while (e.hasMoreElements() && n < 10_000) {
                e.nextElement();
                n++;
            }
            return n;
        } catch (JMSException e) {
            throw unavailable(e);
        }
    }

    private static Map<String, Object> describe(Message m) throws JMSException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", m.getJMSMessageID());
        row.put("originalAddress", m.getStringProperty(ORIGINAL_ADDRESS));
        row.put("at", m.getJMSTimestamp() == 0 ? null : Instant.ofEpochMilli(m.getJMSTimestamp()));
        row.put("deliveries", m.propertyExists("JMSXDeliveryCount") ? m.getIntProperty("JMSXDeliveryCount") : null);
        String body = m instanceof TextMessage t ? t.getText() : "(" + m.getClass().getSimpleName() + ")";
        row.put("body", body != null && body.length() > 2000 ? body.substring(0, 2000) + "..." : body);
        return row;
    }

    private static String selector(String messageId) {
        if (!messageId.matches("ID:[A-Za-z0-9:-]+")) {
            throw new PayrailException(ErrorCode.VALIDATION_FAILED, "not a message id: " + messageId);
        }
        return "JMSMessageID = '" + messageId + "'";
    }

    private static PayrailException unavailable(JMSException e) {
        return new PayrailException(ErrorCode.SERVICE_UNAVAILABLE, "the broker did not answer (" + e.getMessage()
                + "); check it with ./payrail status and retry");
    }
}
