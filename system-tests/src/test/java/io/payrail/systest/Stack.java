package io.payrail.systest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts parts of the running test stack the way an outage does: {@code ./payrail
 * test-kill <part>} (kill -9) and {@code ./payrail test-start <part>}.
 */
final class Stack {

    private Stack() {
    }

    static void kill(String part) {
        run("test-kill", part);
    }

    static void start(String part) {
        run("test-start", part);
    }

    private static void run(String command, String part) {
        Path root = Path.of(System.getProperty("payrail.systest.repoRoot"));
        try {
            Path log = Files.createTempFile("payrail-" + command + "-", ".log");
            Process process = new ProcessBuilder(root.resolve("payrail").toString(), command, part)
                    .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("./payrail " + command + " " + part + " did not finish in 180 s; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("./payrail " + command + " " + part + " exited " + process.exitValue() + ":\n"
                        + Files.readString(log));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ./payrail " + command + " " + part, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
