package io.payrail.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The load generator's command line. */
record Options(String baseUrl, Path tlsCert, Path operatorTokenFile, int clients, Duration duration, long maxOrders,
               Duration retryDeadline, Path outDir, Path stopFile, Path endFile, Duration receiverMax,
               Duration progressEvery, int declinePercent, String merchantPrefix, String simUrl, int cashierPercent) {

    static final String USAGE = """
            Usage: java -jar payrail-benchmarks.jar --base URL --tls-cert PEM --operator-token-file FILE --out DIR [options]

            Creates a fresh merchant through the operator API (its own RSA key pair, notify URL on a receiver this
            process runs on 127.0.0.1), then creates payments through the merchant SDK from several concurrent
            clients. A create that fails with a transport error, an unsigned answer, a 5xx or a 429 is repeated with
            the same merchant order number (idempotent) until it gets 200/201 or the retry deadline passes.
            The notification receiver keeps running after the load until the stop file appears.

              --base URL                  the Payrail API, e.g. https://localhost:18181
              --tls-cert PEM              trust this certificate for TLS
              --operator-token-file FILE  a staff member's operator-API bearer token (OPERATIONS role; POST /api/operator/tokens)
              --out DIR                   where ready, orders.tsv, unconfirmed.tsv, notifications.tsv, load-done go
              --clients N                 concurrent clients (default 8)
              --duration SECONDS          start new payments for this long (default 60)
              --max-orders N              stop starting payments after N (default: no limit)
              --end-file FILE             stop starting payments once this file exists (default: none; the fault
                                          run ends the load a while after its last restart)
              --retry-deadline SECONDS    give up retrying a create this long after the start (default duration+180)
              --stop-file FILE            the receiver stops when this file exists (default DIR/stop)
              --receiver-max SECONDS      ... or after this long in any case (default 1800)
              --progress SECONDS          progress line interval (default 5)
              --decline-percent P         share of amounts the simulated bank declines (ending 13/14; default 10)
              --merchant-prefix TEXT      merchant id prefix (default FAULT)
              --cashier-percent P         share of payments made CASHIER orders that a payer then pays at the
                                          cashier's JSON endpoint, half with a new card (CARDGW), half with quick
                                          pay (QUICKPAY); needs --sim-url (default 0)
              --sim-url URL               the channel simulator (/sim), for the quick-pay codes it "texts"
            """;

    static Options parse(String[] args) {
        String base = null;
        Path tls = null;
        Path token = null;
        Path out = null;
        Path stop = null;
        Path end = null;
        int clients = 8;
        long durationSeconds = 60;
        long maxOrders = 0;
        Long retryDeadline = null;
        long receiverMax = 1800;
        long progress = 5;
        int declinePercent = 10;
        String prefix = "FAULT";
        String sim = null;
        int cashierPercent = 0;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String name = rest.remove(0);
            if (name.equals("-h") || name.equals("--help")) {
                throw new UsageException(null);
            }
            if (rest.isEmpty()) {
                throw new UsageException("missing value for " + name);
            }
            String value = rest.remove(0);
            try {
                switch (name) {
                    case "--base" -> base = value;
                    case "--tls-cert" -> tls = Path.of(value);
                    case "--operator-token-file" -> token = Path.of(value);
                    case "--out" -> out = Path.of(value);
                    case "--stop-file" -> stop = Path.of(value);
                    case "--end-file" -> end = Path.of(value);
                    case "--clients" -> clients = Integer.parseInt(value);
                    case "--duration" -> durationSeconds = Long.parseLong(value);
                    case "--max-orders" -> maxOrders = Long.parseLong(value);
                    case "--retry-deadline" -> retryDeadline = Long.parseLong(value);
                    case "--receiver-max" -> receiverMax = Long.parseLong(value);
                    case "--progress" -> progress = Long.parseLong(value);
                    case "--decline-percent" -> declinePercent = Integer.parseInt(value);
                    case "--merchant-prefix" -> prefix = value;
                    case "--sim-url" -> sim = value;
                    case "--cashier-percent" -> cashierPercent = Integer.parseInt(value);
                    default -> throw new UsageException("unknown option " + name);
                }
            } catch (NumberFormatException e) {
                throw new UsageException(name + " needs a number, got '" + value + "'");
            }
        }
        if (base == null || tls == null || token == null || out == null) {
            throw new UsageException("--base, --tls-cert, --operator-token-file and --out are required");
        }
        if (clients < 1 || durationSeconds < 1 || progress < 1 || declinePercent < 0 || declinePercent > 100
                || maxOrders < 0 || !prefix.matches("[A-Za-z0-9_-]{1,10}")) {
            throw new UsageException("--clients, --duration and --progress must be positive, --decline-percent 0-100,"
                    + " --merchant-prefix 1-10 characters of A-Z a-z 0-9 _ -");
        }
        if (cashierPercent < 0 || cashierPercent > 100 || (cashierPercent > 0 && sim == null)) {
            throw new UsageException("--cashier-percent is 0-100, and needs --sim-url (the quick-pay codes)");
        }
        long deadline = retryDeadline == null ? durationSeconds + 180 : retryDeadline;
        if (deadline < durationSeconds) {
            throw new UsageException("--retry-deadline must not be shorter than --duration");
        }
        return new Options(base, tls, token, clients, Duration.ofSeconds(durationSeconds), maxOrders,
                Duration.ofSeconds(deadline), out, stop == null ? out.resolve("stop") : stop, end,
                Duration.ofSeconds(receiverMax), Duration.ofSeconds(progress), declinePercent, prefix, sim, cashierPercent);
    }

    /** Bad command line: the message (or just the usage, when null). */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
