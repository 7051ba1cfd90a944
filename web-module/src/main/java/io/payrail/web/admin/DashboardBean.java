package io.payrail.web.admin;

import io.payrail.backoffice.BackOfficeQueries;
import io.payrail.common.PayrailException;
import io.payrail.web.backoffice.DeadLetters;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The dashboard: payments and success rate per channel per hour, volume and latency per method
 * (last 24 hours), and what waits (outbox, channel request queue, dead letters, notifications). Charts are Chart.js configurations for
 * PrimeFaces' {@code p:chart}.
 */
@Named("dashboard")
@RequestScoped
public class DashboardBean {

    @Inject
    private BackOfficeQueries queries;

    @Inject
    private DeadLetters deadLetters;

    private List<Map<String, Object>> perChannelHour;
    private List<Map<String, Object>> byMethod;
    private Map<String, Object> backlog;

    @PostConstruct
    void load() {
        perChannelHour = queries.paymentsPerChannelHour();
        byMethod = queries.volumeByMethod();
        backlog = new LinkedHashMap<>(queries.backlog());
        try {
            backlog.putAll(deadLetters.depths());
        } catch (PayrailException e) {
            // the page still shows what the database knows; the broker's counts say "?"
            backlog.put("channelRequests", "?");
            backlog.put("deadLetters", "?");
        }
    }

    public String getPaymentsChart() {
        return chart("bar", "payments", false);
    }

    public String getSuccessRateChart() {
        return chart("line", "rate", true);
    }

    public String getMethodChart() {
        Map<String, Long> counts = new TreeMap<>();
        byMethod.forEach(r -> counts.merge(String.valueOf(r.get("method")), number(r.get("payments")), Long::sum));
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        counts.forEach((method, n) -> {
            labels.add(method);
            data.add(n);
        });
        return Json.createObjectBuilder().add("type", "doughnut").add("data", Json.createObjectBuilder()
                .add("labels", labels).add("datasets", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("data", data)))).add("options", Json.createObjectBuilder().add("responsive", true)
                        .add("maintainAspectRatio", false)).build().toString();
    }

    public List<Map<String, Object>> getByMethod() {
        return byMethod;
    }

    public Map<String, Object> getBacklog() {
        return backlog;
    }

    public long getTotalPayments() {
        return perChannelHour.stream().mapToLong(r -> number(r.get("payments"))).sum();
    }

    /** One dataset per channel over the hours seen: payment counts, or the success rate in percent. */
    private String chart(String type, String measure, boolean percent) {
        TreeSet<String> hours = new TreeSet<>();
        Map<String, Map<String, long[]>> channels = new TreeMap<>();
        for (Map<String, Object> r : perChannelHour) {
            String hour = String.valueOf(r.get("hour"));
            hours.add(hour);
            channels.computeIfAbsent(String.valueOf(r.get("channel")), c -> new TreeMap<>())
                    .put(hour, new long[] {number(r.get("payments")), number(r.get("succeeded"))});
        }
        JsonArrayBuilder labels = Json.createArrayBuilder();
        hours.forEach(h -> labels.add(h.substring(11)));
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        channels.forEach((channel, perHour) -> {
            JsonArrayBuilder data = Json.createArrayBuilder();
            for (String h : hours) {
                long[] v = perHour.get(h);
                if (v == null) {
                    data.addNull();
                } else if ("rate".equals(measure)) {
                    data.add(v[0] == 0 ? 0 : Math.round(v[1] * 1000.0 / v[0]) / 10.0);
                } else {
                    data.add(v[0]);
                }
            }
            datasets.add(Json.createObjectBuilder().add("label", channel).add("data", data));
        });
        JsonObjectBuilder y = Json.createObjectBuilder().add("beginAtZero", true);
        if (percent) {
            y.add("max", 100);
        }
        return Json.createObjectBuilder().add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", Json.createObjectBuilder().add("responsive", true).add("maintainAspectRatio", false)
                        .add("scales", Json.createObjectBuilder().add("y", y)))
                .build().toString();
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
