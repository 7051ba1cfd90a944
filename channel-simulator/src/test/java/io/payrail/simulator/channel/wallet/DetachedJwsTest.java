package io.payrail.simulator.channel.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.simulator.channel.TestKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    /** The same request with a {@code jti}. */
    static final String REQUEST_JTI = "f3Qm9Zr2Lk8vX1cYpT0aWw";
    static final String REQUEST_JTI_JWS = "eyJhbGciOiJSUzI1NiIsImtpZCI6Ijk3MDIzYTJkZjQzOTM3YTIiLCJpYXQiOjE3NzIzNT"
            + "kyMDAsImh0bSI6IlBPU1QiLCJodHUiOiIvc2ltL3dhbGxldC92MS9vcmRlcnMiLCJqdGkiOiJmM1FtOVpyMkxrOHZYMWNZcFQwYVd3In0..KzO"
            + "0r5tH81k2oHSQGU2u3pm_aVMZlBQKF2TYXHTii4vOSr73FxZKGY_dqgV8MPzkFlMD4yLqa3QK_2BRzieaXpkflu7WKaLfq4ZUFJ4jeJNf-vIsZ"
            + "UbSJ8d_SkD97rCGq9r9u-PEVzNi-WEyTYPohePw_SQoSIcI0Kzjhv9nGMweawvVnKmeao-_-iIoJUJvllEirhNJacuQbsdHEAa3Cet9n7MLbu1"
            + "jTCBxs9cPApXap2we1oxyO-xCLCUZzbPc83DrTGqtBKboX66KKJtnm2uiRSfrABtAm4BFSNajxh6aB9DwTG3CQpLepgyt9EbKft0U6RqrJyRfm"
            + "r3GiP9BMw";
    /** WALLET's answer to it, bound to it. */
    static final String ANSWER_BODY = "{\"orderId\":\"wl_a8f74034437a67b5473fdaa2964a7043\",\"merchantRef\":\"ord_3001\","
            + "\"status\":\"PENDING\",\"amount\":1999,\"currency\":\"CNY\",\"subject\":\"Tea\","
            + "\"payUrl\":\"http://127.0.0.1:8290/sim/pages/wallet/0c69e8f1a3b5d7c9e1f3a5b7c9d1e3f5\","
            + "\"qrCode\":\"simwallet://pay/0c69e8f1a3b5d7c9e1f3a5b7c9d1e3f5\",\"createdAt\":\"2026-03-01T10:00:00.050Z\","
            + "\"duplicate\":false}";
    static final String ANSWER_JWS = "eyJhbGciOiJSUzI1NiIsImtpZCI6IjUwY2FlN2YwOGNjMmFlZDkiLCJpYXQiOjE3NzIzNT"
            + "kyMDAsImh0bSI6IlBPU1QiLCJodHUiOiIvc2ltL3dhbGxldC92MS9vcmRlcnMiLCJqdGkiOiJmM1FtOVpyMkxrOHZYMWNZcFQwYVd3In0..FAi"
            + "A8hUrwWpRMBI4XBVSLiuxLxgRl5vg5DZO_wBCvzXyRXTYTLFNGCGm9FRQJn9WuafFVvs2I_UMIJ9Z8EKPOzVgicOKNmcA7QAOc827ZQBxBZCi_"
            + "j-tLLXuk9KdYV-17slbixVPxkVbnUADhiydYkgUb-tlBsKIwJzYnUJjgahnYQ33tqnGbLzTbyrJ-FGEi0MK8Hyn0-gESK0o0WfEegsyJAj5VbZ"
            + "blmMvI-e6AeQx8iyTukiI6BuTMNFzVkyhMsD1TJLbdjfjfdJjg_p0BLpLuoCDsNy9TAxp37LU7oA1lEzf2JF71ClWGnGLumjjKB52a4XUzrWKS"
            + "10VRjiSxw";
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
    void theRequestWithAnIdAndItsAnswerAreBoundAlike() {
        String jws = DetachedJws.sign(TestKeys.PLATFORM_PRIVATE, DetachedJws.boundHeader("97023a2df43937a2",
                1772359200L, "POST", "/sim/wallet/v1/orders", REQUEST_JTI), BODY.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> answer = DetachedJws.verify(TestKeys.CHANNEL_PUBLIC, ANSWER_JWS,
                ANSWER_BODY.getBytes(StandardCharsets.UTF_8)).orElseThrow();

        assertThat(jws).isEqualTo(REQUEST_JTI_JWS);
        assertThat(new String(Base64.getUrlDecoder().decode(ANSWER_JWS.substring(0, ANSWER_JWS.indexOf('.'))),
                StandardCharsets.UTF_8)).isEqualTo("{\"alg\":\"RS256\",\"kid\":\"50cae7f08cc2aed9\",\"iat\":1772359200,"
                + "\"htm\":\"POST\",\"htu\":\"/sim/wallet/v1/orders\",\"jti\":\"f3Qm9Zr2Lk8vX1cYpT0aWw\"}");
        assertThat(answer).containsEntry("jti", REQUEST_JTI);
    }

    @Test
    void theGuidePublishesTheseExamples() throws IOException {
        String guide = Files.readString(Path.of("docs", "wallet.md"), StandardCharsets.UTF_8);

        assertThat(guide).contains(BODY, REQUEST_JWS, REQUEST_JTI, REQUEST_JTI_JWS, ANSWER_BODY, ANSWER_JWS,
                CALLBACK_BODY, CALLBACK_JWS);
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
