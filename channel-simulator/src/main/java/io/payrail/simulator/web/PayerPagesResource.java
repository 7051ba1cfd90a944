package io.payrail.simulator.web;

import io.payrail.simulator.channel.Channel;
import io.payrail.simulator.channel.ChannelId;
import io.payrail.simulator.channel.ChannelLedger;
import io.payrail.simulator.channel.OrderSnapshot;
import io.payrail.simulator.page.PayerPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;

/**
 * The payer's pages: {@code GET /sim/pages/cardgw/{token}} (card confirmation) and
 * {@code GET /sim/pages/wallet/{token}} (wallet payment), each posting {@code action=approve} or
 * {@code action=decline} back to itself. No failure injection here: the payer is not the platform.
 */
@ApplicationScoped
@Path("pages")
public class PayerPagesResource {

    private static final String HTML = "text/html; charset=UTF-8";

    @Inject
    ChannelRuntime runtime;

    @GET
    @Path("{channel}/{token}")
    public Response show(@PathParam("channel") String channel, @PathParam("token") String token,
                         @Context UriInfo uri) {
        Optional<Channel> found = channelWithPages(channel);
        Optional<OrderSnapshot> order = found.flatMap(c -> c.payerView(token));
        if (order.isEmpty()) {
            return html(404, PayerPage.notFound());
        }
        return html(200, PayerPage.render(found.get().id(), order.get(), uri.getRequestUri().getRawPath(), null));
    }

    @POST
    @Path("{channel}/{token}")
    public Response act(@PathParam("channel") String channel, @PathParam("token") String token, String form,
                        @Context UriInfo uri) {
        Optional<Channel> found = channelWithPages(channel);
        if (found.isEmpty() || found.get().payerView(token).isEmpty()) {
            return html(404, PayerPage.notFound());
        }
        Channel c = found.get();
        String self = uri.getRequestUri().getRawPath();
        Optional<PayerPage.Action> action = PayerPage.parseAction(form);
        if (action.isEmpty()) {
            return html(400, PayerPage.render(c.id(), c.payerView(token).orElseThrow(), self,
                    "Choose Approve or Decline."));
        }
        ChannelLedger.PayerOutcome outcome = c.payerDecision(token, action.get() == PayerPage.Action.APPROVE)
                .orElseThrow();
        String notice = !outcome.changed() ? "Nothing changed: this payment is " + outcome.order().status() + "."
                : action.get() == PayerPage.Action.APPROVE ? "You approved the payment." : "You declined the payment.";
        return html(200, PayerPage.render(c.id(), c.payerView(token).orElseThrow(), self, notice));
    }

    private Optional<Channel> channelWithPages(String name) {
        if ("cardgw".equals(name)) {
            return Optional.of(runtime.channel(ChannelId.CARDGW));
        }
        if ("wallet".equals(name)) {
            return Optional.of(runtime.channel(ChannelId.WALLET));
        }
        return Optional.empty();
    }

    private static Response html(int status, String page) {
        return Response.status(status).type(HTML).header("Cache-Control", "no-store").entity(page).build();
    }
}
