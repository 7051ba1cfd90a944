package io.payrail.reconciliation;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What importing one statement did: the file kept (its version of the day and checksum), how many
 * lines it had and how many movements were new. {@code unchanged}: these very bytes were imported
 * before and nothing changed. A REFUSED file names its first problem in {@code error}.
 */
public record StatementImport(String fileId, String channelId, LocalDate day, int version, String sha256, int sizeBytes,
                              String status, int lines, int newMovements, boolean unchanged, String error,
                              Instant fetchedAt) {

    public boolean refused() {
        return StatementFile.REFUSED.equals(status);
    }

    public JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder().add("fileId", fileId).add("channel", channelId)
                .add("day", day.toString()).add("version", version).add("sha256", sha256).add("sizeBytes", sizeBytes)
                .add("status", status).add("lines", lines).add("newMovements", newMovements)
                .add("unchanged", unchanged);
        if (error != null) {
            b.add("error", error);
        }
        return b.add("fetchedAt", fetchedAt.toString()).build();
    }
}
