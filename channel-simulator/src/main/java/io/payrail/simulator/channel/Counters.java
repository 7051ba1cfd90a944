package io.payrail.simulator.channel;

/** Request counts of one merchant reference (what the channel was asked, not what it did). */
public record Counters(long payRequests, long charges, long closeRequests, long refundRequests) {

    public static final Counters ZERO = new Counters(0, 0, 0, 0);

    Counters payRequest() {
        return new Counters(payRequests + 1, charges, closeRequests, refundRequests);
    }

    Counters charge() {
        return new Counters(payRequests, charges + 1, closeRequests, refundRequests);
    }

    Counters closeRequest() {
        return new Counters(payRequests, charges, closeRequests + 1, refundRequests);
    }

    Counters refundRequest() {
        return new Counters(payRequests, charges, closeRequests, refundRequests + 1);
    }

    /** Counts one request of the given kind that did nothing else (an injected failure). */
    Counters request(Operation operation) {
        return switch (operation) {
            case PAY -> payRequest();
            case CLOSE -> closeRequest();
            case REFUND -> refundRequest();
            default -> this;
        };
    }
}
