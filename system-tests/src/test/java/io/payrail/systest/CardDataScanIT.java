package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Run by {@code ./payrail test} after every other test, on the stack they used: no full card number
 * and no security code in the databases, in any log file (Payara's, the simulator's, the broker's,
 * the test runs'), in the simulator's books or in the broker's journal. Excluded from the main
 * run ({@code payrail.systest.excludes}); by hand: {@code -Dit.test=CardDataScanIT} with
 * {@code -Dpayrail.systest.profileDir=.runtime/test}.
 */
class CardDataScanIT {

    private static final int OVERLAP = 64;
    private static final List<String> SKIPPED = List.of(".jar", ".war", ".ear", ".class", ".rar", ".zip", ".png", ".pem",
            ".crt", ".p12", ".jks");

    @Test
    void noCardDataInTheDatabasesTheLogsOrTheBrokersJournal() throws Exception {
        List<String> findings = new ArrayList<>();
        long rows = scanDatabases(findings);
        Path profile = Path.of(System.getProperty("payrail.systest.profileDir"));
        List<Path> files = files(profile.resolve("logs"), profile.resolve("domains"), profile.resolve("simulator"),
                profile.resolve("broker").resolve("data"));
        for (Path file : files) {
            scanFile(file, findings);
        }

        // the scan read what it must have: it cannot pass by finding nothing to read
        assertThat(rows).as("database rows read").isPositive();
        assertThat(files).as("files read").anyMatch(f -> f.getFileName().toString().equals("server.log"))
                .anyMatch(f -> f.toString().contains("journal")).anyMatch(f -> f.getFileName().toString().equals("simulator.log"));
        assertThat(findings).as("card data found").isEmpty();
    }

    private static long scanDatabases(List<String> findings) throws SQLException {
        long rows = 0;
        try (Connection c = Database.connect(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet t = s.executeQuery("SELECT table_schema, table_name FROM information_schema.tables"
                    + " WHERE table_schema IN ('payrail_test', 'payrail_it') AND table_type = 'BASE TABLE'")) {
                while (t.next()) {
                    tables.add("`" + t.getString(1) + "`.`" + t.getString(2) + "`");
                }
            }
            for (String table : tables) {
                try (ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
                    int columns = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        rows++;
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            byte[] value = r.getBytes(i);
                            row.append('\u0001').append(value == null ? "" : new String(value, StandardCharsets.ISO_8859_1));
                        }
                        CardDataScan.findings(row).forEach(f -> findings.add(table + ": " + f));
                    }
                }
            }
        }
        return rows;
    }

    private static List<Path> files(Path... roots) {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/osgi-cache/")
                                && !p.toString().contains("/applications/") && !p.toString().contains("/generated/"))
                        .filter(p -> SKIPPED.stream().noneMatch(p.getFileName().toString().toLowerCase(Locale.ROOT)::endsWith))
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root, e);
            }
        }
        return files;
    }

    /** Read as bytes (ISO-8859-1 keeps every byte one character), in chunks that overlap so nothing falls between two. */
    private static void scanFile(Path file, List<String> findings) {
        byte[] buffer = new byte[1 << 20];
        String carried = "";
        // a finding in the overlap is seen twice: each is reported once
        Set<String> found = new LinkedHashSet<>();
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                String text = carried + new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
                found.addAll(CardDataScan.findings(text));
                carried = text.length() > OVERLAP ? text.substring(text.length() - OVERLAP) : text;
            }
            found.forEach(f -> findings.add(file + ": " + f));
        } catch (IOException e) {
            // a file rotated away or being replaced while read: what it held is in its successor
            if (Files.exists(file)) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }
}
