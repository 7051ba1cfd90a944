package io.payrail.web.cashier;

/** Where the cashier page lives; the merchant API builds each order's {@code cashierUrl} from it. */
public final class CashierLinks {

    /** The page, at the root of the gateway's host (the EAR's context root is /). */
    public static final String PAGE = "/cashier/pay.xhtml";
    /** The query parameter that carries the order's cashier token. */
    public static final String TOKEN_PARAMETER = "t";

    private CashierLinks() {
    }
}
