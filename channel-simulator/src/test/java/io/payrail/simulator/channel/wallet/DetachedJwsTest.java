package io.payrail.simulator.channel.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.simulator.channel.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worked examples of docs/wallet.md, with the published example keys. */
class DetachedJwsTest {

    static final String BODY = "{\"merchantRef\":\"ord_3001\",\"amount\":1999,\"currency\":\"CNY\",\"subject\":\"Tea\"}";
    static final String REQUEST_JWS = "eyJhbGciOiJSUzI1NiIsImtpZCI6Ijk3MDIzYTJkZjQzOTM3YTIiLCJpYXQiOjE3NzIzNTkyMDAsImh0"
            + "bSI6IlBPU1QiLCJodHUiOiIvc2ltL3dhbGxldC92MS9vcmRlcnMifQ..mA_XmRPpStOlCd47a65iZ9c7xUwIy_rtYUDGGRlJjVw_5Y2ewRRv"
            + "FAh6ANzCkpupNNshf7Qudp-fNPT1-OV4nLiqwAF4GMOJcyadsPXexEC0WrgPGcMMVirPM7GLfoqjggvE-pe9Mu0H68w-4L8VwSPVso6ydYq"
            + "ITFqQpbG4NySyXQ-v4T1r0FTmKxZQ94bGCFoKkqkaEqc-LQIbhdXSod4dV9IzYym_juSGgEl985CX_-71zJKSgSvfVfg4VbBp2tSjlXp4RP"
            + "JjwfAjNf75T-XJfgxbZAqKM-GaylOG90s9rPs7vd3IYBCN7LyBePAvvNcpqlzEbIMSAvAUPYqjRA";
    static final String CALLBACK_BODY = "{\"notificationId\":\"wle_c20ad4d76fe97759aa27a0c99bff6710\",\"type\":\"ORDER\","
            + "\"seq\":2,\"occurredAt\":\"2026-03-01T10:01:00Z\",\"orderId\":\"wl_c51ce410c124a10e0db5e4b97fc2af39\","
            + "\"merchantRef\":\"ord_3001\",\"status\":\"PAID\",\"amount\":1999,\"currency\":\"CNY\"}";
    static final String CALLBACK_JWS = "eyJhbGciOiJSUzI1NiIsImtpZCI6IjUwY2FlN2YwOGNjMmFlZDkiLCJpYXQiOjE3NzIzNTkyNjB9..B"
            + "0OjZeiIwdzVJg7GPrQEPPa4-VNJ_e_WXhIosXGzFxIQCY9MSvx4dihrWBnQQrPvK20iFAgWmpENZJwuqmYvhlZq3JxlB9nzl6S7E9dsFrla3"
            + "L_H-2Ymi0sURf7DZ8Refzn7XYvEbXNyaJTQFKmhcw7WU3pZcMuZ6h5Ls39htF-000xld2cIYQV5Ij4RFD0iUHqkfpUsDrCmgoRLiuLvlqSt"
            + "EOUgds5myCzO0_hEWxLpW72RgHETn8TKG8Iby62T-lsPZ-ptLyAZYgx41LWN0RisBYYZn9qeFzBIwKtTSA2eGflJcyelsgVl0uM34P8p1Gx"
            + "CcEb8NMjdzSz1oGzhpw";

    @Test
    void theRequestExampleSignsWithADetachedPayload() {
        Map<String, Object> header = DetachedJws.requestHeader("97023a2df43937a2", 1772359200L, "POST",
                "/sim/wallet/v1/orders");

        String jws = DetachedJws.sign(TestKeys.PLATFORM_PRIVATE, header, BODY.getBytes(StandardCharsets.UTF_8));

        assertThat(jws).isEqualTo(REQUEST_JWS);
        assertThat(new String(Base64.getUrlDecoder().decode(jws.substring(0, jws.indexOf('.'))),
                StandardCharsets.UTF_8)).isEqualTo("{\"alg\":\"RS256\",\"kid\":\"97023a2df43937a2\",\"iat\":1772359200,"
                + "\"htm\":\"POST\",\"htu\":\"/sim/wallet/v1/orders\"}");
        assertThat(DetachedJws.verify(TestKeys.PLATFORM_PUBLIC, jws, BODY.getBytes(StandardCharsets.UTF_8)))
                .contains(header);
    }

    @Test
    void theCallbackExampleVerifiesWithTheChannelKey() {
        Map<String, Object> header = DetachedJws.verify(TestKeys.CHANNEL_PUBLIC, CALLBACK_JWS,
                CALLBACK_BODY.getBytes(StandardCharsets.UTF_8)).orElseThrow();

        assertThat(header).containsEntry("alg", "RS256").containsEntry("kid", "50cae7f08cc2aed9")
                .containsEntry("iat", 1772359260L);
        assertThat(DetachedJws.sign(TestKeys.CHANNEL_PRIVATE, DetachedJws.responseHeader("50cae7f08cc2aed9",
                1772359260L), CALLBACK_BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo(CALLBACK_JWS);
    }

    @Test
    void aChangedBodyAWrongKeyOrAMalformedValueDoesNotVerify() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);

        assertThat(DetachedJws.verify(TestKeys.PLATFORM_PUBLIC, REQUEST_JWS, (BODY + "\n").getBytes(
                StandardCharsets.UTF_8))).isEmpty();
        assertThat(DetachedJws.verify(TestKeys.CHANNEL_PUBLIC, REQUEST_JWS, body)).isEmpty();
        assertThat(DetachedJws.verify(TestKeys.PLATFORM_PUBLIC, null, body)).isEmpty();
        assertThat(DetachedJws.verify(TestKeys.PLATFORM_PUBLIC, "abc", body)).isEmpty();
        String attached = REQUEST_JWS.replace("..", "." + Base64.getUrlEncoder().withoutPadding().encodeToString(body)
                + ".");
        assertThat(DetachedJws.verify(TestKeys.PLATFORM_PUBLIC, attached, body)).isEmpty();
    }

    @Test
    void onlyRs256IsAccepted() {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "none");
        header.put("iat", 1L);
        String jws = DetachedJws.sign(TestKeys.PLATFORM_PRIVATE, header, new byte[0]);

        assertThat(DetachedJws.verify(TestKeys.PLATFORM_PUBLIC, jws, new byte[0])).isEmpty();
    }
}
