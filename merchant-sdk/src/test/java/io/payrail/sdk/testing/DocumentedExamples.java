package io.payrail.sdk.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The worked examples under docs/examples: their {@code NAME='value'} files, and the openssl
 * scripts beside them run with a clean environment, so that tests hold the SDK and the documents
 * to the same values.
 */
public final class DocumentedExamples {

    public static final Path DOCS = Path.of(System.getProperty("payrail.docs.dir", "../docs"));
    public static final Path EXAMPLES = DOCS.resolve("examples");

    private DocumentedExamples() {
    }

    /** {@code NAME='value'} lines of docs/examples/{@code file}; comments and blank lines skipped. */
    public static Map<String, String> read(String file) {
        Path path = EXAMPLES.resolve(file);
        try {
            Map<String, String> values = new HashMap<>();
            Pattern assignment = Pattern.compile("([A-Z0-9_]+)='([^']*)'");
            for (String line : Files.readAllLines(path)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Matcher m = assignment.matcher(line);
                if (!m.matches()) {
                    throw new IllegalStateException(path + ": cannot read the line " + line);
                }
                values.put(m.group(1), m.group(2));
            }
            return values;
        } catch (IOException e) {
            throw new IllegalStateException("the worked example is not at " + path.toAbsolutePath()
                    + "; run the tests from the merchant-sdk module (-Dpayrail.docs.dir=... points elsewhere)", e);
        }
    }

    public static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }

    /** The script's exit code and output (stdout and stderr together). */
    public record Run(int exitCode, String output) {
    }

    /**
     * Runs docs/examples/{@code script} with sh, its settings removed from the environment (so
     * none leaks in from ours) and {@code settings} put in.
     */
    public static Run runScript(String script, List<String> removed, Map<String, String> settings)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("sh", EXAMPLES.resolve(script).toString()).redirectErrorStream(true);
        removed.forEach(builder.environment()::remove);
        builder.environment().putAll(settings);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(script + " did not finish within 60 s: " + output);
        }
        return new Run(process.exitValue(), output);
    }
}
