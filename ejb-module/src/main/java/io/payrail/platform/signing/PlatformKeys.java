package io.payrail.platform.signing;

import io.payrail.common.SignatureAlgorithm;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads the platform's key pairs from a PKCS#12 keystore (never from the source tree): every key
 * entry is published with its certificate, under its alias as key id; the one named by
 * {@code payrail.signing.key-id} signs, with RSA or ECDSA as that entry's key is RSA or EC P-256
 * (the run scripts make an RSA key unless {@code PAYRAIL_SIGNING_KEY_TYPE=ec}). Rotation: add a key, publish, give merchants time to
 * fetch it, then switch {@code key-id}.
 */
@ApplicationScoped
public class PlatformKeys {

    private static final Logger LOG = Logger.getLogger(PlatformKeys.class.getName());

    // optional at deployment (a server that signs nothing needs no keystore); required on first use
    @Inject
    @ConfigProperty(name = "payrail.signing.keystore")
    Optional<String> keystorePath;

    @Inject
    @ConfigProperty(name = "payrail.signing.keystore-password")
    Optional<String> keystorePassword;

    @Inject
    @ConfigProperty(name = "payrail.signing.key-id", defaultValue = "PLATFORM-1")
    String signingKeyId;

    // the channels' protocols (CARDGW, QUICKPAY, WALLET's RS256) take RSA signatures only, so an EC
    // signing key for merchants leaves them an RSA entry of their own
    @Inject
    @ConfigProperty(name = "payrail.signing.channel-key-id")
    Optional<String> channelKeyIdConfig;

    private PrivateKey signingKey;
    private String channelKeyId;
    private PrivateKey channelKey;
    private SignatureAlgorithm signingAlgorithm;
    private List<PublishedCertificate> certificates;

    /** A certificate merchants verify with, under its key id. */
    public record PublishedCertificate(String keyId, X509Certificate certificate) {
        public String pem() {
            try {
                String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(certificate.getEncoded());
                return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot encode the certificate of " + keyId, e);
            }
        }
    }

    @PostConstruct
    void load() {
        String path = keystorePath.orElseThrow(() -> new IllegalStateException("payrail.signing.keystore is not set:"
                + " point it at the PKCS#12 keystore holding the platform signing key (the run scripts do)"));
        char[] password = keystorePassword.orElseThrow(() -> new IllegalStateException(
                "payrail.signing.keystore-password is not set (a Payara password alias)")).toCharArray();
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            channelKeyId = channelKeyIdConfig.orElse(signingKeyId).toUpperCase(java.util.Locale.ROOT);
            List<PublishedCertificate> published = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate x509) {
                    published.add(new PublishedCertificate(alias.toUpperCase(java.util.Locale.ROOT), x509));
                    if (alias.equalsIgnoreCase(signingKeyId)) {
                        signingKey = (PrivateKey) store.getKey(alias, password);
                    }
                    if (alias.equalsIgnoreCase(channelKeyId)) {
                        channelKey = (PrivateKey) store.getKey(alias, password);
                    }
                }
            }
            if (signingKey == null) {
                throw new IllegalStateException("keystore " + path + " has no key entry '" + signingKeyId
                        + "' (payrail.signing.key-id); its entries: " + published.stream().map(PublishedCertificate::keyId).toList());
            }
            signingAlgorithm = SignatureAlgorithm.of(signingKey);
            if (channelKey == null || SignatureAlgorithm.of(channelKey) != SignatureAlgorithm.RSA_2048) {
                throw new IllegalStateException("keystore " + path + " has no RSA key entry '" + channelKeyId
                        + "' for the channels' request signatures (payrail.signing.channel-key-id, by default"
                        + " payrail.signing.key-id): channels take RSA only; name the RSA entry there");
            }
            certificates = List.copyOf(published);
            LOG.info(() -> "platform signing key " + signingKeyId + " (" + signingAlgorithm.token() + ") loaded; " + certificates.size()
                    + " certificate(s) published");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the platform signing keystore " + path
                    + " (payrail.signing.keystore / payrail.signing.keystore-password): " + e.getMessage(), e);
        }
    }

    public String signingKeyId() {
        return signingKeyId.toUpperCase(java.util.Locale.ROOT);
    }

    public List<PublishedCertificate> certificates() {
        return certificates;
    }

    /** The algorithm of the signing key: RSA, or ECDSA when the key entry is EC P-256. */
    public SignatureAlgorithm signingAlgorithm() {
        return signingAlgorithm;
    }

    /** The key id of the RSA key the channels verify Payrail's requests with. */
    public String channelKeyId() {
        return channelKeyId;
    }

    /** Base64 of SHA256withRSA over {@code data} with the channels' key. */
    public String signForChannels(byte[] data) {
        return Base64.getEncoder().encodeToString(SignatureAlgorithm.RSA_2048.sign(channelKey, data));
    }

    /** Base64 of the signing algorithm's signature over {@code data} with the signing key (for merchants). */
    public String sign(byte[] data) {
        return Base64.getEncoder().encodeToString(signingAlgorithm.sign(signingKey, data));
    }
}
