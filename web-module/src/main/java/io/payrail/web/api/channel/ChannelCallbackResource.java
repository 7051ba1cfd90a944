package io.payrail.web.api.channel;

import io.payrail.channel.CallbackEvent;
import io.payrail.channel.ChannelCallbackInbox;
import io.payrail.channel.ChannelCallbacks;
import io.payrail.channel.ChannelRegistry;
import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Logger;

/**
 * {@code POST /api/channel-callbacks/{channel}}: where channels send their asynchronous, signed
 * notifications. Not signed by merchants: each channel's own signature is checked by its
 * {@link ChannelCallbacks} protocol. A notification is acknowledged the way the channel's protocol
 * expects only once it is stored and applied (or recognised as a duplicate); anything else is
 * answered with a problem, which makes the channel send it again.
 */
@Path("/channel-callbacks/{channel}")
@RequestScoped
public class ChannelCallbackResource {

    static final int MAX_BYTES = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(ChannelCallbackResource.class.getName());

    @Inject
    private ChannelRegistry registry;

    @Inject
    private ChannelCallbackInbox inbox;

    @Context
    private HttpHeaders headers;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(@PathParam("channel") String channel, InputStream entity) throws IOException {
        ChannelCallbacks protocol = registry.callbacks(channel).orElseThrow(() -> new PayrailException(
                ErrorCode.RESOURCE_NOT_FOUND, "no channel \"" + channel + "\" sends notifications to Payrail"));
        byte[] body = entity.readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            throw new PayrailException(ErrorCode.PAYLOAD_TOO_LARGE, "a notification is at most " + MAX_BYTES + " bytes");
        }
        CallbackEvent event;
        try {
            event = protocol.verify(headers::getHeaderString, body);
        } catch (ChannelCallbacks.InvalidCallbackException e) {
            LOG.warning(() -> "refused a notification on /channel-callbacks/" + channel + ": " + e.getMessage());
            throw new PayrailException(ErrorCode.CALLBACK_INVALID, e.getMessage());
        }
        ChannelCallbackInbox.Receipt receipt = inbox.accept(event);
        LOG.fine(() -> protocol.channelId() + " notification " + event.eventId() + " for " + event.orderId() + ": "
                + event.outcome().status() + ", " + receipt);
        ChannelCallbacks.Acknowledgement ack = protocol.acknowledgement();
        return Response.status(ack.status()).type(ack.contentType()).entity(ack.body()).build();
    }
}
