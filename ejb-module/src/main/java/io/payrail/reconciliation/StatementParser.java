package io.payrail.reconciliation;

import io.payrail.common.Currencies;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a channel's daily statement (the CSV every channel shares, channel-simulator/PROTOCOL.md)
 * with Apache Commons CSV and checks every line against the format, all or nothing: the first
 * problem refuses the whole file, naming the line. What it refuses:
 * <ul>
 * <li>bytes that are not UTF-8, an empty file, a header other than the nine columns in their order;</li>
 * <li>a file that does not end with a line end: <b>truncated</b> (cut inside a line);</li>
 * <li>a line of other than nine fields, an empty line, a field breaking its rule (ids, references,
 *     positive amounts in minor units, an ISO 4217 currency of payment, a fee of 0 or more and 0 on a
 *     refund, a time {@code yyyy-MM-ddTHH:mm:ss.SSSZ} within the statement's day, refund columns
 *     filled on refunds only);</li>
 * <li>the same movement listed twice.</li>
 * </ul>
 * The format has no trailer, so a file cut exactly between two lines cannot be told from a shorter
 * day: a later, longer file of the same day is imported as its next version and its new lines are
 * reconciled then.
 */
public final class StatementParser {

    public static final List<String> COLUMNS = List.of("channel_txn_id", "merchant_ref", "type", "amount_minor",
            "currency", "fee_minor", "time_utc", "refund_ref", "channel_refund_id");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(false).setAllowMissingColumnNames(false).setDuplicateHeaderMode(
                    org.apache.commons.csv.DuplicateHeaderMode.DISALLOW).get();

    private StatementParser() {
    }

    /**
     * The statement's lines, in file order.
     *
     * @throws StatementFormatException naming the first problem; nothing of the file may be used then
     */
    public static List<StatementLine> parse(byte[] file, LocalDate day) {
        String text = utf8(file);
        if (text.isEmpty()) {
            throw new StatementFormatException("the file is empty: even a day without movements has the header line");
        }
        if (!text.endsWith("\n")) {
            throw new StatementFormatException("the file does not end with a line end: it was truncated");
        }
        try (CSVParser csv = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            if (!csv.getHeaderNames().equals(COLUMNS)) {
                throw new StatementFormatException("line 1: the header must be " + String.join(",", COLUMNS)
                        + ", not " + String.join(",", csv.getHeaderNames()));
            }
            List<StatementLine> lines = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (CSVRecord record : csv) {
                long lineNo = record.getRecordNumber() + 1;
                StatementLine line = line(record, lineNo, day);
                if (!seen.add(line.movementKey())) {
                    throw new StatementFormatException("line " + lineNo + " lists the " + line.type() + " "
                            + line.channelTxnId() + " " + line.channelRefundId() + " a second time");
                }
                lines.add(line);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            if (e instanceof StatementFormatException format) {
                throw format;
            }
            // Commons CSV's own refusals: an unclosed quote, a duplicate or blank header...
            throw new StatementFormatException("not a well-formed CSV file: " + e.getMessage());
        }
    }

    private static StatementLine line(CSVRecord r, long lineNo, LocalDate day) {
        if (r.size() != COLUMNS.size()) {
            throw new StatementFormatException("line " + lineNo + " has " + r.size() + " field(s), not "
                    + COLUMNS.size() + (r.size() == 1 && r.get(0).isEmpty() ? " (an empty line)" : ""));
        }
        String where = "line " + lineNo + ": ";
        String txn = id(r.get(0), where + "channel_txn_id");
        String merchantRef = id(r.get(1), where + "merchant_ref");
        String type = r.get(2);
        if (!StatementLine.PAYMENT.equals(type) && !StatementLine.REFUND.equals(type)) {
            throw new StatementFormatException(where + "type must be PAYMENT or REFUND, not " + abbreviate(type));
        }
        long amount = number(r.get(3), where + "amount_minor");
        if (amount <= 0) {
            throw new StatementFormatException(where + "amount_minor must be positive");
        }
        String currency = r.get(4);
        if (Currencies.payable(currency).isEmpty()) {
            throw new StatementFormatException(where + "currency must be an ISO 4217 code of payment, not "
                    + abbreviate(currency));
        }
        long fee = number(r.get(5), where + "fee_minor");
        Instant at;
        try {
            at = Instant.from(TIME.parse(r.get(6)));
        } catch (DateTimeParseException e) {
            throw new StatementFormatException(where + "time_utc must be yyyy-MM-ddTHH:mm:ss.SSSZ, not "
                    + abbreviate(r.get(6)));
        }
        if (!at.atZone(ZoneOffset.UTC).toLocalDate().equals(day)) {
            throw new StatementFormatException(where + "time_utc " + r.get(6) + " is not in the statement's day " + day);
        }
        boolean refund = StatementLine.REFUND.equals(type);
        String refundRef = r.get(7);
        String refundId = r.get(8);
        if (refund) {
            id(refundRef, where + "refund_ref");
            id(refundId, where + "channel_refund_id");
            if (fee != 0) {
                throw new StatementFormatException(where + "a refund carries no fee (fee_minor 0)");
            }
        } else if (!refundRef.isEmpty() || !refundId.isEmpty()) {
            throw new StatementFormatException(where + "a payment has no refund_ref or channel_refund_id");
        }
        return new StatementLine(lineNo, txn, merchantRef, type, amount, currency, fee, at,
                refund ? refundRef : null, refund ? refundId : null);
    }

    private static String id(String value, String what) {
        if (!ID.matcher(value).matches()) {
            throw new StatementFormatException(what + " must be 1-64 characters of A-Z a-z 0-9 _ . : -, not "
                    + abbreviate(value));
        }
        return value;
    }

    private static long number(String value, String what) {
        if (!DIGITS.matcher(value).matches()) {
            throw new StatementFormatException(what + " must be a whole number of minor units, not " + abbreviate(value));
        }
        return Long.parseLong(value);
    }

    private static String utf8(byte[] file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            throw new StatementFormatException("the file is not UTF-8: " + e.getMessage());
        }
    }

    private static String abbreviate(String s) {
        String shown = s.length() <= 40 ? s : s.substring(0, 40) + "…";
        return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"";
    }

    /** The file breaks the format; the message names the first problem and its line. */
    public static final class StatementFormatException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        StatementFormatException(String message) {
            super(message);
        }
    }
}
