package io.payrail.sdk.cli;

import io.payrail.sdk.PayrailClient;
import io.payrail.sdk.PayrailResponse;
import io.payrail.sdk.UnverifiedResponseException;
import io.payrail.sdk.pem.Pem;
import io.payrail.sdk.tls.TrustedCertificates;
import io.payrail.sdk.verification.SignatureVerificationException;
import io.payrail.sdk.verification.VerifiedSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * {@code java -cp payrail-merchant-sdk.jar io.payrail.sdk.cli.PayrailCall [options] METHOD PATH [BODY|@file]}:
 * signs one request, fetches the platform certificates, verifies the response and prints
 * {@code HTTP <status>}, whether the signature verified, and the body.
 */
public final class PayrailCall {

    /** The response verified (whatever its HTTP status). */
    public static final int OK = 0;
    /** Bad arguments or files. */
    public static final int USAGE = 2;
    /** No answer: connection, TLS or timeout; or the certificates could not be fetched. */
    public static final int TRANSPORT_FAILED = 3;
    /** An answer whose platform signature did not verify. */
    public static final int SIGNATURE_FAILED = 4;

    static final String USAGE_TEXT = """
            Usage: java -cp payrail-merchant-sdk.jar io.payrail.sdk.cli.PayrailCall [options] METHOD PATH [BODY|@file|@-]

              --base URL              the Payrail API (default https://localhost:8181)
              --merchant ID           your merchant id, e.g. M100001
              --key-id ID             the id of your registered key, e.g. K1
              --private-key FILE      your PKCS#8 RSA private key (-----BEGIN PRIVATE KEY-----)
              --tls-cert FILE         trust this PEM certificate for TLS (for ./payrail run:
                                      .runtime/dev/tls/payrail-tls.crt); default: the JDK's CAs
              --idempotency-key KEY   send Idempotency-Key: KEY
              -h, --help              this text

            PATH is the path and query as sent, e.g. '/api/v1/payments?state=SUCCEEDED&limit=10'.
            BODY is sent byte for byte as UTF-8; @file sends a file's content unchanged, @- standard input.
            Prints HTTP <status>, whether the response signature verified, then the body.
            Exit codes: 0 verified response, 2 usage, 3 no answer (transport), 4 signature not verified.
            """;

    private PayrailCall() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** The whole command, with its streams given so that it can be tested; returns the exit code. */
    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                out.print(USAGE_TEXT);
                return OK;
            }
            if (!positional.isEmpty() || !arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            String name = arg;
            String value;
            int equals = arg.indexOf('=');
            if (equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return usage(err, arg + " needs a value");
            }
            if (!List.of("--base", "--merchant", "--key-id", "--private-key", "--tls-cert", "--idempotency-key")
                    .contains(name)) {
                return usage(err, "unknown option " + name);
            }
            options.put(name, value);
        }
        for (String required : List.of("--merchant", "--key-id", "--private-key")) {
            if (!options.containsKey(required)) {
                return usage(err, required + " is required");
            }
        }
        if (positional.size() < 2 || positional.size() > 3) {
            return usage(err, "give METHOD PATH and optionally a BODY");
        }
        String base = options.getOrDefault("--base", "https://localhost:8181");

        PayrailClient client;
        String body;
        try {
            PrivateKey key = Pem.readSigningKey(existing(options.get("--private-key")));
            PayrailClient.Builder builder = PayrailClient.builder()
                    .baseUri(base)
                    .merchantId(options.get("--merchant"))
                    .keyId(options.get("--key-id"))
                    .privateKey(key)
                    .fetchPlatformCertificates();
            if (options.containsKey("--tls-cert")) {
                SSLContext tls = TrustedCertificates.sslContextTrusting(existing(options.get("--tls-cert")));
                builder.sslContext(tls);
            }
            client = builder.build();
            body = positional.size() == 3 ? body(positional.get(2), stdin) : null;
        } catch (IOException | IllegalArgumentException e) {
            return fail(err, USAGE, e.getMessage());
        }

        String method = positional.get(0);
        String path = positional.get(1);
        Map<String, String> headers = options.containsKey("--idempotency-key")
                ? Map.of("Idempotency-Key", options.get("--idempotency-key")) : Map.of();
        try {
            PayrailResponse response = client.send(method, path, body, headers);
            out.println("HTTP " + response.status());
            VerifiedSignature signature = response.signature().orElseThrow();
            out.println("signature: verified (platform key " + signature.keyId() + ", signed at "
                    + signature.timestamp() + " for merchant " + client.merchantId() + " and this request)");
            out.println(response.body());
            return OK;
        } catch (UnverifiedResponseException e) {
            PayrailResponse untrusted = e.unverifiedResponse();
            out.println("HTTP " + untrusted.status());
            out.println("signature: NOT VERIFIED (" + e.reason() + ") - do not trust this response");
            out.println(untrusted.body());
            return fail(err, SIGNATURE_FAILED, e.getMessage());
        } catch (SignatureVerificationException e) {
            return fail(err, SIGNATURE_FAILED, e.getMessage());
        } catch (IllegalArgumentException e) {
            return fail(err, USAGE, e.getMessage());
        } catch (IOException e) {
            return fail(err, TRANSPORT_FAILED, e.getMessage() + "\n" + advice(e, base));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(err, TRANSPORT_FAILED, "interrupted; the outcome of the request is unknown");
        }
    }

    /** What to do about a transport failure, from its cause. */
    static String advice(IOException e, String base) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return "TLS failed: if the server's certificate is self-signed, trust it with --tls-cert FILE"
                        + " (for ./payrail run: .runtime/dev/tls/payrail-tls.crt); the host name in --base must be"
                        + " one the certificate names (localhost).";
            }
            if (cause instanceof ConnectException) {
                return "Nothing answers at " + base + ": is the server running (./payrail status) and is --base right?";
            }
            if (cause instanceof HttpTimeoutException) {
                return "No answer in time: the outcome is unknown. Repeat the call with the same --idempotency-key,"
                        + " or look the payment up, before trying anything else.";
            }
        }
        return "The outcome of the request is unknown: repeat it with the same --idempotency-key, or look it up.";
    }

    private static Path existing(String file) throws NoSuchFileException {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(file, null, "no such file");
        }
        return path;
    }

    /** The body argument: text as given, {@code @file} or {@code @-}, which must be UTF-8. */
    private static String body(String argument, InputStream stdin) throws IOException {
        if (!argument.startsWith("@")) {
            return argument;
        }
        String source = argument.substring(1);
        byte[] bytes = source.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(existing(source));
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(argument + " is not UTF-8 text", e);
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("payrail-call: " + problem);
        err.print(USAGE_TEXT);
        return USAGE;
    }

    private static int fail(PrintStream err, int code, String message) {
        err.println("payrail-call: " + message);
        return code;
    }
}
