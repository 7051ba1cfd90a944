package io.payrail.simulator.page;

import io.payrail.simulator.channel.ChannelId;
import io.payrail.simulator.channel.ChannelOrder;
import io.payrail.simulator.channel.OrderSnapshot;
import io.payrail.simulator.channel.OrderStatus;
import io.payrail.simulator.channel.wallet.Wallet;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The page a payer sees at a {@code confirmUrl} (CARDGW) or {@code payUrl} (WALLET): what is paid,
 * and, while the order can still be paid, an Approve and a Decline button posting back to the same
 * URL. Every value from the order is HTML-escaped.
 */
public final class PayerPage {

    /** The payer's choice, from the form field {@code action}. */
    public enum Action {
        APPROVE,
        DECLINE
    }

    private PayerPage() {
    }

    /** Whether the payer can still act on this order (approve or decline). */
    public static boolean actionable(ChannelOrder order) {
        return order.status() == OrderStatus.PENDING || (order.status() == OrderStatus.CLOSED && order.leaky()
                && !order.isFence());
    }

    /**
     * Reads {@code action=approve} or {@code action=decline} from a form body
     * ({@code application/x-www-form-urlencoded}); empty for anything else.
     */
    public static Optional<Action> parseAction(String formBody) {
        if (formBody == null) {
            return Optional.empty();
        }
        for (String pair : formBody.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = decode(pair.substring(0, eq));
            String value = decode(pair.substring(eq + 1)).trim().toUpperCase(Locale.ROOT);
            if ("action".equals(name)) {
                return switch (value) {
                    case "APPROVE" -> Optional.of(Action.APPROVE);
                    case "DECLINE" -> Optional.of(Action.DECLINE);
                    default -> Optional.empty();
                };
            }
        }
        return Optional.empty();
    }

    /**
     * The page for an order.
     *
     * @param formAction where the buttons post (the page's own URL)
     * @param notice     a line about what just happened, or null
     */
    public static String render(ChannelId channel, OrderSnapshot snapshot, String formAction, String notice) {
        ChannelOrder o = snapshot.order();
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(escape(title(channel))).append("</h1>\n");
        if (notice != null) {
            body.append("<p class=\"notice\" id=\"notice\">").append(escape(notice)).append("</p>\n");
        }
        body.append("<dl>\n");
        row(body, "Merchant reference", o.merchantRef());
        if (!o.subject().isEmpty()) {
            row(body, "For", o.subject());
        }
        if (o.money() != null) {
            row(body, "Amount", o.money().display());
        }
        if (o.cardLast4() != null) {
            row(body, "Card", "**** **** **** " + o.cardLast4());
        }
        if (channel == ChannelId.WALLET && o.payerToken() != null) {
            row(body, "QR code", Wallet.QR_PREFIX + o.payerToken());
        }
        row(body, "Status", o.status().name());
        body.append("</dl>\n");
        body.append("<p id=\"state\">").append(escape(stateText(o))).append("</p>\n");
        if (actionable(o)) {
            body.append("<form method=\"post\" action=\"").append(escape(formAction)).append("\">\n")
                    .append("<button type=\"submit\" name=\"action\" value=\"approve\" id=\"approve\">")
                    .append(channel == ChannelId.WALLET ? "Pay" : "Approve").append("</button>\n")
                    .append("<button type=\"submit\" name=\"action\" value=\"decline\" id=\"decline\">Decline</button>\n")
                    .append("</form>\n");
        }
        return page(title(channel), body.toString());
    }

    /** The page for a link that leads nowhere (unknown or mistyped token). */
    public static String notFound() {
        return page("Payment not found", "<h1>Payment not found</h1>\n"
                + "<p id=\"state\">This payment link is not valid.</p>\n");
    }

    static String title(ChannelId channel) {
        return switch (channel) {
            case CARDGW -> "CARDGW secure payment confirmation";
            case WALLET -> "SimWallet payment";
            case QUICKPAY -> "QUICKPAY";
        };
    }

    static String stateText(ChannelOrder o) {
        return switch (o.status()) {
            case PENDING -> "Please approve or decline this payment.";
            case PAID -> "Payment approved. You may close this page.";
            case DECLINED -> "Payment declined: " + o.declineReason().message() + ".";
            case CLOSED -> o.leaky() && !o.isFence()
                    ? "Please approve or decline this payment."
                    : "This order was closed by the merchant and can no longer be paid.";
        };
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append("<dt>").append(escape(name)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + "</title>\n"
                + "<style>body{font-family:sans-serif;max-width:32em;margin:2em auto}dt{font-weight:bold}"
                + "button{font-size:1.1em;margin:.5em}.notice{background:#eef;padding:.5em}</style>\n"
                + "</head>\n<body>\n" + body + "</body>\n</html>\n";
    }

    /** Escapes text for HTML content and double-quoted attributes. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
