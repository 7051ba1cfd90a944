package io.payrail.channel.wallet;

import io.payrail.channel.ExampleKeys;

import static io.payrail.channel.ExampleKeys.CHANNEL_PRIVATE;
import static io.payrail.channel.ExampleKeys.CHANNEL_PUBLIC;
import static io.payrail.channel.ExampleKeys.PLATFORM_PRIVATE;
import static io.payrail.channel.ExampleKeys.PLATFORM_PUBLIC;
import static io.payrail.channel.ExampleKeys.rsaSha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** wallet.md §2, including its two worked examples byte for byte. */
class DetachedJwsTest {

    static final String REQUEST_BODY = "{\"merchantRef\":\"ord_3001\",\"amount\":1999,\"currency\":\"CNY\",\"subject\":\"Tea\"}";
    static final String REQUEST_HEADER = "{\"alg\":\"RS256\",\"kid\":\"97023a2df43937a2\",\"iat\":1772359200,"
            + "\"htm\":\"POST\",\"htu\":\"/sim/wallet/v1/orders\"}";
    static final String REQUEST_SIGNATURE = "eyJhbGciOiJSUzI1NiIsImtpZCI6Ijk3MDIzYTJkZjQzOTM3YTIiLCJpYXQiOjE3NzIzNTkyMDAsImh0bSI6IlBPU1QiLCJodHUiOiIvc2ltL3dhbGxldC92MS9vcmRlcnMifQ..mA_XmRPpStOlCd47a65iZ9c7xUwIy_rtYUDGGRlJjVw_5Y2ewRRvFAh6ANzCkpupNNshf7Qudp-fNPT1-OV4nLiqwAF4GMOJcyadsPXexEC0WrgPGcMMVirPM7GLfoqjggvE-pe9Mu0H68w-4L8VwSPVso6ydYqITFqQpbG4NySyXQ-v4T1r0FTmKxZQ94bGCFoKkqkaEqc-LQIbhdXSod4dV9IzYym_juSGgEl985CX_-71zJKSgSvfVfg4VbBp2tSjlXp4RPJjwfAjNf75T-XJfgxbZAqKM-GaylOG90s9rPs7vd3IYBCN7LyBePAvvNcpqlzEbIMSAvAUPYqjRA";

    static final String NOTIFICATION_BODY = "{\"notificationId\":\"wle_c20ad4d76fe97759aa27a0c99bff6710\",\"type\":\"ORDER\","
            + "\"seq\":2,\"occurredAt\":\"2026-03-01T10:01:00Z\",\"orderId\":\"wl_c51ce410c124a10e0db5e4b97fc2af39\","
            + "\"merchantRef\":\"ord_3001\",\"status\":\"PAID\",\"amount\":1999,\"currency\":\"CNY\"}";
    static final long NOTIFICATION_IAT = 1772359260L;
    static final String NOTIFICATION_SIGNATURE = "eyJhbGciOiJSUzI1NiIsImtpZCI6IjUwY2FlN2YwOGNjMmFlZDkiLCJpYXQiOjE3NzIzNTkyNjB9..B0OjZeiIwdzVJg7GPrQEPPa4-VNJ_e_WXhIosXGzFxIQCY9MSvx4dihrWBnQQrPvK20iFAgWmpENZJwuqmYvhlZq3JxlB9nzl6S7E9dsFrla3L_H-2Ymi0sURf7DZ8Refzn7XYvEbXNyaJTQFKmhcw7WU3pZcMuZ6h5Ls39htF-000xld2cIYQV5Ij4RFD0iUHqkfpUsDrCmgoRLiuLvlqStEOUgds5myCzO0_hEWxLpW72RgHETn8TKG8Iby62T-lsPZ-ptLyAZYgx41LWN0RisBYYZn9qeFzBIwKtTSA2eGflJcyelsgVl0uM34P8p1GxCcEb8NMjdzSz1oGzhpw";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theExamplesHereAreTheOnesTheGuidePublishes() throws Exception {
        String guide = Files.readString(ExampleKeys.WALLET_DOC, StandardCharsets.UTF_8);
        assertThat(guide).contains(REQUEST_HEADER, REQUEST_SIGNATURE, REQUEST_BODY, NOTIFICATION_BODY,
                NOTIFICATION_SIGNATURE, Long.toString(NOTIFICATION_IAT));
    }

    /** wallet.md's request with a jti: the header the connector sends (jti last), byte for byte. */
    @Test
    void signsTheWorkedRequestWithAJtiByteForByte() throws Exception {
        String header = DetachedJws.requestHeader(DetachedJws.keyId(PLATFORM_PUBLIC), 1772359200L, "POST",
                "/sim/wallet/v1/orders", "f3Qm9Zr2Lk8vX1cYpT0aWw");
        String guide = Files.readString(ExampleKeys.WALLET_DOC, StandardCharsets.UTF_8);

        assertThat(guide).contains("protected header: " + header);
        assertThat(guide).contains("Wallet-Signature: " + DetachedJws.sign(header, bytes(REQUEST_BODY),
                rsaSha256(PLATFORM_PRIVATE)));
    }

    @Test
    void keyIdsAreTheFirstSixteenHexDigitsOfTheDerDigest() {
        assertThat(DetachedJws.keyId(PLATFORM_PUBLIC)).isEqualTo(ExampleKeys.PLATFORM_KID);
        assertThat(DetachedJws.keyId(CHANNEL_PUBLIC)).isEqualTo(ExampleKeys.CHANNEL_KID);
    }

    @Test
    void signsTheWorkedRequestExampleByteForByte() throws Exception {
        String header = DetachedJws.requestHeader(DetachedJws.keyId(PLATFORM_PUBLIC), 1772359200L, "POST",
                "/sim/wallet/v1/orders");
        assertThat(header).isEqualTo(REQUEST_HEADER);

        String jws = DetachedJws.sign(header, bytes(REQUEST_BODY), rsaSha256(PLATFORM_PRIVATE));

        assertThat(jws).isEqualTo(REQUEST_SIGNATURE);
        JsonObject verified = DetachedJws.verify(jws, bytes(REQUEST_BODY), PLATFORM_PUBLIC);
        assertThat(verified.getString("htm")).isEqualTo("POST");
        assertThat(verified.getString("htu")).isEqualTo("/sim/wallet/v1/orders");
        assertThat(DetachedJws.issuedAt(verified)).isEqualTo(1772359200L);
    }

    @Test
    void signsAndVerifiesTheWorkedNotificationExampleByteForByte() throws Exception {
        String jws = DetachedJws.sign(DetachedJws.responseHeader(ExampleKeys.CHANNEL_KID, NOTIFICATION_IAT),
                bytes(NOTIFICATION_BODY), rsaSha256(CHANNEL_PRIVATE));

        assertThat(jws).isEqualTo(NOTIFICATION_SIGNATURE);
        JsonObject header = DetachedJws.verify(NOTIFICATION_SIGNATURE, bytes(NOTIFICATION_BODY), CHANNEL_PUBLIC);
        assertThat(header.getString("kid")).isEqualTo(ExampleKeys.CHANNEL_KID);
        assertThat(DetachedJws.issuedAt(header)).isEqualTo(NOTIFICATION_IAT);
    }

    @Test
    void anEmptyBodySignsAnInputEndingWithTheDot() throws Exception {
        String header = DetachedJws.requestHeader("k", 1L, "GET", "/sim/wallet/v1/orders/by-ref/ord_1");
        byte[][] signed = new byte[1][];
        DetachedJws.sign(header, new byte[0], data -> {
            signed[0] = data;
            return rsaSha256(PLATFORM_PRIVATE).apply(data);
        });
        assertThat(new String(signed[0], StandardCharsets.US_ASCII))
                .isEqualTo(DetachedJws.base64Url(bytes(header)) + ".");
    }

    @Test
    void refusesATamperedBody() {
        String tampered = NOTIFICATION_BODY.replace("\"amount\":1999", "\"amount\":1998");
        assertThatThrownBy(() -> DetachedJws.verify(NOTIFICATION_SIGNATURE, bytes(tampered), CHANNEL_PUBLIC))
                .isInstanceOf(DetachedJws.InvalidJwsException.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void refusesAnotherKey() {
        assertThatThrownBy(() -> DetachedJws.verify(NOTIFICATION_SIGNATURE, bytes(NOTIFICATION_BODY), PLATFORM_PUBLIC))
                .isInstanceOf(DetachedJws.InvalidJwsException.class)
                .hasMessageContaining("signed with kid " + ExampleKeys.CHANNEL_KID)
                .hasMessageContaining("checked with WALLET's key " + ExampleKeys.PLATFORM_KID);
    }

    @Test
    void refusesWhatIsNotADetachedRs256Jws() {
        String[] parts = NOTIFICATION_SIGNATURE.split("\\.\\.");
        String payload = DetachedJws.base64Url(bytes(NOTIFICATION_BODY));
        String none = DetachedJws.base64Url(bytes("{\"alg\":\"none\",\"kid\":\"x\",\"iat\":1}"));
        String hs = DetachedJws.base64Url(bytes("{\"alg\":\"HS256\",\"iat\":1}"));
        String notJson = DetachedJws.base64Url(bytes("alg=RS256"));
        byte[] body = bytes(NOTIFICATION_BODY);

        assertRefused(null, body, "missing");
        assertRefused("  ", body, "missing");
        assertRefused(parts[0] + "." + payload + "." + parts[1], body, "carries a payload");
        assertRefused(parts[0] + "." + parts[1], body, "not a compact JWS");
        assertRefused(parts[0] + "..", body, "no signature");
        assertRefused(parts[0] + "..." + parts[1], body, "not a compact JWS");
        assertRefused(none + ".." + parts[1], body, "alg \"none\" is not \"RS256\"");
        assertRefused(none + "..", body, "no signature");
        assertRefused(hs + ".." + parts[1], body, "is not \"RS256\"");
        assertRefused(notJson + ".." + parts[1], body, "not a JSON object");
        assertRefused("***.." + parts[1], body, "not base64url");
        assertRefused(parts[0] + "..***", body, "signature part is not base64url");
        assertRefused(parts[0] + ".." + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[5]), body,
                "does not verify");
    }

    @Test
    void iatMustBeWholeSeconds() throws Exception {
        String header = DetachedJws.base64Url(bytes("{\"alg\":\"RS256\",\"iat\":\"1772359260\"}"));
        JsonObject parsed = jakarta.json.Json.createReader(new java.io.StringReader(
                new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8))).readObject();
        assertThatThrownBy(() -> DetachedJws.issuedAt(parsed)).hasMessageContaining("not whole Unix seconds");
        JsonObject missing = jakarta.json.Json.createObjectBuilder().add("alg", "RS256").build();
        assertThatThrownBy(() -> DetachedJws.issuedAt(missing)).hasMessageContaining("iat is missing");
    }

    private static void assertRefused(String jws, byte[] body, String reason) {
        assertThatThrownBy(() -> DetachedJws.verify(jws, body, CHANNEL_PUBLIC))
                .as(String.valueOf(jws))
                .isInstanceOf(DetachedJws.InvalidJwsException.class)
                .hasMessageContaining(reason);
    }
}
