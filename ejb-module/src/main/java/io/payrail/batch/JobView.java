package io.payrail.batch;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A batch job as it stands: {@code done} of {@code total} steps' items (merchants, settlements or
 * statement movements); {@code succeeded} what it made (batches drafted, payouts PAID, cases
 * raised), {@code failed} what did not go (payouts the bank rejected); {@code resumes} how often a
 * server took it over after the one running it stopped (a crash, a kill).
 */
public record JobView(String id, JobKind kind, String channelId, LocalDate day, String state, String phase,
                      long done, long total, long succeeded, long failed, String requestedBy, Instant createdAt,
                      Instant updatedAt, Instant finishedAt, int resumes, String lastError) {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";

    public JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", id).add("kind", kind.name());
        if (channelId != null) {
            b.add("channelId", channelId);
        }
        b.add("day", day.toString()).add("state", state).add("phase", phase).add("done", done).add("total", total)
                .add("succeeded", succeeded).add("failed", failed).add("resumes", resumes)
                .add("requestedBy", requestedBy).add("createdAt", createdAt.toString())
                .add("updatedAt", updatedAt.toString());
        if (finishedAt != null) {
            b.add("finishedAt", finishedAt.toString());
        }
        if (lastError != null) {
            b.add("lastError", lastError);
        }
        return b.build();
    }
}
