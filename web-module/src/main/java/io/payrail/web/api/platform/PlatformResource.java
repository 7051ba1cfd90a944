package io.payrail.web.api.platform;

import io.payrail.platform.signing.PlatformKeys;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/platform/certificates}: public, unauthenticated, cacheable. */
@Path("/v1/platform")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PlatformResource {

    @Inject
    private PlatformKeys keys;

    /** One platform certificate. */
    public record CertificateResponse(String keyId, String serialNumber, Instant notBefore, Instant notAfter, String pem) {
    }

    /** All certificates whose keys may sign responses and notifications. */
    public record Certificates(String signingKeyId, List<CertificateResponse> certificates) {
    }

    @GET
    @Path("certificates")
    public Certificates certificates() {
        return new Certificates(keys.signingKeyId(), keys.certificates().stream()
                .map(c -> new CertificateResponse(c.keyId(), c.certificate().getSerialNumber().toString(16),
                        c.certificate().getNotBefore().toInstant(), c.certificate().getNotAfter().toInstant(), c.pem()))
                .toList());
    }
}
