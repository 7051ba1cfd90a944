package io.payrail.simulator.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.simulator.channel.ChannelId;
import io.payrail.simulator.channel.ChannelOrder;
import io.payrail.simulator.channel.DeclineReason;
import io.payrail.simulator.channel.Money;
import io.payrail.simulator.channel.OrderSnapshot;
import io.payrail.simulator.channel.OrderStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The payer pages' logic: what is shown, when the buttons are there, what a click means. */
class PayerPageTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final String SELF = "/sim/pages/cardgw/tok123";

    @Test
    void aPendingOrderShowsWhatIsPaidAndBothButtons() {
        String page = PayerPage.render(ChannelId.CARDGW, snapshot(pending("Coffee", 1050, "USD")), SELF, null);

        assertThat(page).contains("<dd>ord_1</dd>", "<dd>Coffee</dd>", "<dd>10.50 USD</dd>",
                "<dd>**** **** **** 3204</dd>", "<dd>PENDING</dd>", "action=\"" + SELF + "\"",
                "name=\"action\" value=\"approve\"", "name=\"action\" value=\"decline\"")
                .doesNotContain("id=\"notice\"");
    }

    @Test
    void aWalletPageShowsItsQrCodeAndAPayButton() {
        ChannelOrder order = ChannelOrder.create("ord_1", "wl_1", OrderStatus.PENDING, new Money(1999, "JPY"), "",
                null, "tok123", null, null, AT, 0);

        String page = PayerPage.render(ChannelId.WALLET, snapshot(order), "/sim/pages/wallet/tok123", null);

        assertThat(page).contains("SimWallet", "<dd>1999 JPY</dd>", "simwallet://pay/tok123", ">Pay</button>")
                .doesNotContain("<dt>Card</dt>").doesNotContain("<dt>For</dt>");
    }

    @Test
    void aDecidedOrderHasNoButtons() {
        ChannelOrder pending = pending("x", 100, "USD");
        for (ChannelOrder order : List.of(pending.paid(AT, pending.money(), 0),
                pending.declined(DeclineReason.PAYER_DECLINED), pending.closed(AT, false, null))) {
            String page = PayerPage.render(ChannelId.CARDGW, snapshot(order), SELF, "done");

            assertThat(page).doesNotContain("<form").contains("<p class=\"notice\" id=\"notice\">done</p>");
            assertThat(PayerPage.actionable(order)).isFalse();
        }
        assertThat(PayerPage.render(ChannelId.CARDGW, snapshot(pending.paid(AT, pending.money(), 0)), SELF, null))
                .contains("Payment approved.");
        assertThat(PayerPage.render(ChannelId.CARDGW, snapshot(pending.declined(DeclineReason.PAYER_DECLINED)), SELF,
                null)).contains("Payment declined: The payer declined.");
        assertThat(PayerPage.render(ChannelId.CARDGW, snapshot(pending.closed(AT, false, null)), SELF, null))
                .contains("closed by the merchant");
    }

    @Test
    void aClosedOrderWhosePaymentIsToLandAnywayStillOffersTheButtons() {
        ChannelOrder leaky = pending("x", 100, "USD").closed(AT, true, null);

        assertThat(PayerPage.actionable(leaky)).isTrue();
        assertThat(PayerPage.render(ChannelId.CARDGW, snapshot(leaky), SELF, null)).contains("value=\"approve\"");
    }

    @Test
    void everythingFromTheOrderIsEscaped() {
        String page = PayerPage.render(ChannelId.CARDGW, snapshot(pending("<script>alert('x')</script> & \"co\"", 1,
                "USD")), "/a\"onmouseover=\"x", null);

        assertThat(page).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
                + "&quot;co&quot;").contains("action=\"/a&quot;onmouseover=&quot;x\"");
    }

    @Test
    void theFormSaysApproveOrDecline() {
        assertThat(PayerPage.parseAction("action=approve")).contains(PayerPage.Action.APPROVE);
        assertThat(PayerPage.parseAction("x=1&action=Decline")).contains(PayerPage.Action.DECLINE);
        assertThat(PayerPage.parseAction("action=%61pprove")).contains(PayerPage.Action.APPROVE);
        assertThat(PayerPage.parseAction("action=maybe")).isEmpty();
        assertThat(PayerPage.parseAction("")).isEmpty();
        assertThat(PayerPage.parseAction(null)).isEmpty();
        assertThat(PayerPage.parseAction("action=%zz")).isEmpty();
    }

    @Test
    void anUnknownLinkSaysSo() {
        assertThat(PayerPage.notFound()).contains("Payment not found").doesNotContain("<form");
    }

    private static ChannelOrder pending(String subject, long amount, String currency) {
        return ChannelOrder.create("ord_1", "cg_1", OrderStatus.PENDING, new Money(amount, currency), subject, null,
                "tok123", "3204", null, AT, 0);
    }

    private static OrderSnapshot snapshot(ChannelOrder order) {
        return new OrderSnapshot(order, List.of());
    }
}
