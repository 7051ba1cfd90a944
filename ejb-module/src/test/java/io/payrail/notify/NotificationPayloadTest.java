package io.payrail.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NotificationPayloadTest {

    @Test
    void aPayloadThatNamesItsMerchantIsDeliveredAsStored() {
        String stored = "{\"eventId\":\"evt_1\", \"merchantId\":\"M1\",\"eventType\":\"payment.succeeded\",\"data\":{}}";

        assertThat(NotificationPayload.namingMerchant(stored, "M1")).isSameAs(stored);
    }

    @Test
    void aPayloadWrittenBeforeMerchantIdsGetsItsMerchantAfterTheEventIdTheSameWayEveryTime() {
        String stored = "{\"eventId\":\"evt_1\",\"eventType\":\"payment.succeeded\",\"sequence\":1,"
                + "\"data\":{\"id\":\"pay_1\",\"merchantId\":\"nested, not top-level\"}}";

        String delivered = NotificationPayload.namingMerchant(stored, "M1");

        assertThat(delivered).isEqualTo("{\"eventId\":\"evt_1\",\"merchantId\":\"M1\",\"eventType\":\"payment.succeeded\","
                + "\"sequence\":1,\"data\":{\"id\":\"pay_1\",\"merchantId\":\"nested, not top-level\"}}");
        assertThat(NotificationPayload.namingMerchant(stored, "M1")).isEqualTo(delivered);
    }
}
