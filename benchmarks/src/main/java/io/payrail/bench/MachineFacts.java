package io.payrail.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine and versions a run measured on, written beside every figure: a figure means
 * something only next to another taken on the same machine (benchmarks/README.md).
 */
record MachineFacts(int cores, String cpuModel, long ramMb, String java, String payara, String mariadb,
                    String artemis) {

    static MachineFacts collect(String payaraVersion, String mariadbVersion, String artemisVersion) {
        return new MachineFacts(Runtime.getRuntime().availableProcessors(), cpuModel(read("/proc/cpuinfo")),
                memTotalMb(read("/proc/meminfo")), System.getProperty("java.version"), payaraVersion, mariadbVersion,
                artemisVersion);
    }

    /** The first {@code model name} of /proc/cpuinfo, spaces collapsed; "unknown" when there is none (e.g. ARM). */
    static String cpuModel(String cpuinfo) {
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equals("model name")) {
                return line.substring(colon + 1).strip().replaceAll("\\s+", " ");
            }
        }
        return "unknown";
    }

    /** {@code MemTotal} of /proc/meminfo (kB) in MiB; 0 when absent. */
    static long memTotalMb(String meminfo) {
        for (String line : meminfo.split("\n")) {
            if (line.startsWith("MemTotal:")) {
                String[] parts = line.substring("MemTotal:".length()).strip().split("\\s+");
                return Long.parseLong(parts[0]) / 1024;
            }
        }
        return 0;
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
