package io.payrail.systest;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The staff the test profile's bootstrap creates, one per role ({@code test-admin},
 * {@code test-operations}, {@code test-finance}, {@code test-support}, {@code test-auditor}),
 * whose passwords the run scripts keep in {@code .runtime/test/staff/<id>.password} (0600). The
 * tests sign in as them like any staff member: a bearer token from {@code POST /api/operator/tokens}.
 */
final class Staff {

    static final String ADMIN = "ADMIN";
    static final String OPERATIONS = "OPERATIONS";
    static final String FINANCE = "FINANCE";
    static final String SUPPORT = "SUPPORT";
    static final String AUDITOR = "AUDITOR";

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Staff() {
    }

    /** The test account holding only {@code role}. */
    static String id(String role) {
        return "test-" + role.toLowerCase(Locale.ROOT);
    }

    static String password(String staffId) {
        Path file = Path.of(System.getProperty("payrail.systest.staffDir")).resolve(staffId + ".password");
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + "; ./payrail test (test profile) writes it", e);
        }
    }

    /** A token of the role's test account (asked for once per test run). */
    static String token(String role) {
        return TOKENS.computeIfAbsent(role, r -> {
            Gateway.Answer answer = requestToken(id(r), password(id(r)), null);
            if (answer.status() != 201) {
                throw new AssertionError("no token for " + id(r) + ": " + answer.status() + " " + answer.body());
            }
            return answer.json().getString("token");
        });
    }

    /** {@code POST /api/operator/tokens} as it is answered. */
    static Gateway.Answer requestToken(String staffId, String password, String totp) {
        return send(staffId, password, totp, null);
    }

    /** ... replacing the password by {@code newPassword} first when given. */
    static Gateway.Answer send(String staffId, String password, String totp, String newPassword) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("staffId", staffId).add("password", password);
        if (totp != null) {
            body.add("totp", totp);
        }
        if (newPassword != null) {
            body.add("newPassword", newPassword);
        }
        return Gateway.send(HttpRequest.newBuilder(URI.create(Gateway.baseUrl() + "/api/operator/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString())));
    }

    /** Calls the operator API with {@code token}, answered as it is. */
    static Gateway.Answer call(String token, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Gateway.baseUrl() + "/api/operator" + path))
                .header("Authorization", "Bearer " + token);
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        return Gateway.send(request);
    }

    /** Calls the operator API as the role's test account and insists on {@code expectedStatus}. */
    static Gateway.Answer as(String role, String method, String path, String body, int expectedStatus) {
        Gateway.Answer answer = call(token(role), method, path, body);
        if (answer.status() != expectedStatus) {
            throw new AssertionError(id(role) + ": operator " + method + " " + path + " answered " + answer.status()
                    + ", not " + expectedStatus + ": " + answer.body());
        }
        return answer;
    }
}
