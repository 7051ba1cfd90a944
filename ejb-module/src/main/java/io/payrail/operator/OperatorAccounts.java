package io.payrail.operator;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Named operators: the administrator (the installation's operator token, {@value #ADMIN}) issues and
 * revokes their tokens; a request bearing one acts as that operator. Who did what (rate plans,
 * proposals, approvals, settlements) is recorded under these names.
 */
@Stateless
public class OperatorAccounts {

    /** The identity of the installation's operator token. */
    public static final String ADMIN = "admin";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    @Inject
    private Clock clock;

    /**
     * A new operator and their token, shown this once.
     *
     * @throws PayrailException OPERATOR_FORBIDDEN unless the administrator asks, OPERATOR_CONFLICT when the id is taken
     */
    public Issued issue(String operatorId, String actingOperator) {
        requireAdmin(actingOperator);
        if (ADMIN.equals(operatorId) || em.find(OperatorAccount.class, operatorId) != null) {
            throw new PayrailException(ErrorCode.OPERATOR_CONFLICT, "operator " + operatorId
                    + " exists (revoked ones too: ids are never reused); choose another id");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = "op_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        OperatorAccount account = new OperatorAccount(operatorId, sha256(token), actingOperator, clock.instant());
        em.persist(account);
        return new Issued(operatorId, token);
    }

    /** Revokes the operator's token; idempotent. */
    public void revoke(String operatorId, String actingOperator) {
        requireAdmin(actingOperator);
        OperatorAccount account = em.find(OperatorAccount.class, operatorId);
        if (account == null) {
            throw new PayrailException(ErrorCode.OPERATOR_NOT_FOUND, "no operator " + operatorId);
        }
        account.revoke(clock.instant());
    }

    /** The active operator whose token this is. */
    public Optional<String> authenticate(String token) {
        return em.createQuery("select a from OperatorAccount a where a.tokenSha256 = :h", OperatorAccount.class)
                .setParameter("h", sha256(token)).getResultList().stream()
                .filter(OperatorAccount::isActive).map(OperatorAccount::id).findFirst();
    }

    public List<JsonObject> list() {
        return em.createQuery("select a from OperatorAccount a order by a.id", OperatorAccount.class).getResultList()
                .stream().map(a -> {
                    JsonObjectBuilder b = Json.createObjectBuilder().add("id", a.id()).add("active", a.isActive())
                            .add("createdAt", a.createdAt().toString()).add("createdBy", a.createdBy());
                    if (a.revokedAt() != null) {
                        b.add("revokedAt", a.revokedAt().toString());
                    }
                    return b.build();
                }).toList();
    }

    private static void requireAdmin(String actingOperator) {
        if (!ADMIN.equals(actingOperator)) {
            throw new PayrailException(ErrorCode.OPERATOR_FORBIDDEN, "only the administrator (the installation's"
                    + " operator token) issues and revokes operator tokens; ask them");
        }
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new operator's id and token (shown once). */
    public record Issued(String operatorId, String token) {
    }
}
