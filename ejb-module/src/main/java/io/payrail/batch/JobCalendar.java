package io.payrail.batch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Which jobs the day's calendar starts by itself, from the time of day (UTC) they are due and the
 * jobs that exist: from {@code at} on, the reconciliation of yesterday's statement of every channel
 * that publishes one (each once), then, once all of them are DONE, today's settlement drafts
 * (once). Payouts are never started by the calendar: a settlement is paid only once a person has
 * approved it (maker-checker), and the payout job is a FINANCE member's call.
 */
public final class JobCalendar {

    /** The requester the calendar's jobs are started by. */
    public static final String REQUESTER = "calendar";

    private JobCalendar() {
    }

    /** A job the calendar starts. */
    public record Planned(JobKind kind, LocalDate day, String channelId) {
    }

    /**
     * @param known the jobs of yesterday and today, whoever started them
     */
    public static List<Planned> due(Instant now, LocalTime at, Collection<String> channels, List<JobView> known) {
        if (now.atOffset(ZoneOffset.UTC).toLocalTime().isBefore(at)) {
            return List.of();
        }
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate yesterday = today.minusDays(1);
        List<Planned> due = new ArrayList<>();
        boolean allReconciled = true;
        for (String channel : channels) {
            List<JobView> ofChannel = known.stream().filter(j -> j.kind() == JobKind.RECONCILIATION
                    && yesterday.equals(j.day()) && channel.equals(j.channelId())).toList();
            if (ofChannel.isEmpty()) {
                due.add(new Planned(JobKind.RECONCILIATION, yesterday, channel));
                allReconciled = false;
            } else if (ofChannel.stream().noneMatch(j -> JobView.DONE.equals(j.state()))) {
                allReconciled = false;
            }
        }
        boolean drafted = known.stream().anyMatch(j -> j.kind() == JobKind.SETTLEMENT_DRAFT && today.equals(j.day()));
        if (allReconciled && !drafted) {
            due.add(new Planned(JobKind.SETTLEMENT_DRAFT, today, null));
        }
        return due;
    }
}
