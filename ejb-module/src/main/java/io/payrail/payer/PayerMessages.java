package io.payrail.payer;

import io.payrail.channel.ChannelWire;
import io.payrail.channel.cardgw.CardgwSignature;
import io.payrail.common.ErrorCode;
import io.payrail.common.Passwords;
import io.payrail.common.PayrailException;
import io.payrail.platform.signing.PlatformKeys;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends a payer's one-time code by e-mail or text message through the message gateway (played by
 * the channel simulator: its PROTOCOL.md, "Message gateway"), signed with the platform key like a
 * CARDGW request under the scheme {@value #SCHEME}. The text is never logged: it carries the code.
 */
@ApplicationScoped
public class PayerMessages {

    static final String SCHEME = "PAYRAIL-MSG-RSA-SHA256";
    private static final Logger LOG = Logger.getLogger(PayerMessages.class.getName());

    @Inject
    @ConfigProperty(name = "payrail.messages.url", defaultValue = "http://127.0.0.1:8290/sim/messages/v1/messages")
    String url;

    @Inject
    PlatformKeys platformKeys;

    @Inject
    Clock clock;

    private Client client;

    @PostConstruct
    void open() {
        client = ChannelWire.client(2_000, 5_000);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /**
     * Sends {@code code} to the payer's login.
     *
     * @throws PayrailException SERVICE_UNAVAILABLE when the gateway did not take the message
     */
    public void sendCode(PayerLogin to, PayerCode.Purpose purpose, String code, long validMinutes) {
        String text = "Payrail: your code is " + code + " (valid " + validMinutes + " minutes; "
                + (purpose == PayerCode.Purpose.VERIFY ? "to confirm your account" : "to reset your password")
                + "). Never give it to anyone. / Payrail 验证码 " + code + "，" + validMinutes + " 分钟内有效，请勿告诉他人。";
        byte[] body = Json.createObjectBuilder().add("to", to.value())
                .add("channel", to.kind() == PayerLogin.Kind.EMAIL ? "EMAIL" : "SMS").add("purpose", purpose.name())
                .add("text", text).build().toString().getBytes(StandardCharsets.UTF_8);
        URI uri = URI.create(url);
        String authorization = CardgwSignature.authorization(SCHEME, "POST", uri.getRawPath(),
                clock.instant().getEpochSecond(), Passwords.random(16), body, platformKeys::sign);
        int status;
        try (Response response = client.target(uri).request().header("Authorization", authorization)
                .post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE))) {
            status = response.getStatus();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, () -> "message gateway " + url + " unreachable (" + purpose + " code for "
                    + to.masked() + "): " + ChannelWire.describe(e));
            throw notSent();
        }
        if (status != 202) {
            LOG.warning(() -> "message gateway " + url + " answered " + status + " (" + purpose + " code for "
                    + to.masked() + ")");
            throw notSent();
        }
        LOG.fine(() -> purpose + " code sent to " + to.masked());
    }

    private static PayrailException notSent() {
        return new PayrailException(ErrorCode.SERVICE_UNAVAILABLE, "the one-time code could not be sent just now;"
                + " nothing was changed: try again in a minute");
    }
}
