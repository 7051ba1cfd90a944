package io.payrail.web.api.operator;

import io.payrail.order.domain.PaymentMethod;
import io.payrail.staff.StaffRole;
import io.payrail.statistics.Statistics;
import io.payrail.statistics.StatisticsRow;
import io.payrail.web.api.problem.InvalidFieldException;
import io.payrail.web.api.security.AllowedRoles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * {@code GET /api/operator/statistics?from=&to=&merchantId=&channelId=&method=}: per UTC day,
 * merchant, channel, method and currency, payments, paid, failed, success rate, volume, refunds and
 * fee revenue, with totals per currency (docs/api.md, "Statistics").
 */
@AllowedRoles({StaffRole.FINANCE, StaffRole.OPERATIONS, StaffRole.AUDITOR, StaffRole.ADMIN})
@Path("/operator/statistics")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OperatorStatisticsResource {

    @Inject
    private Statistics statistics;

    @GET
    public JsonObject get(@QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("merchantId") String merchantId, @QueryParam("channelId") String channelId,
                          @QueryParam("method") String method) {
        Statistics.Query query = query(from, to, merchantId, channelId, method, LocalDate.now(ZoneOffset.UTC));
        List<StatisticsRow> rows = statistics.rows(query);
        JsonArrayBuilder items = Json.createArrayBuilder();
        rows.stream().map(StatisticsRow::toJson).forEach(items::add);
        JsonArrayBuilder totals = Json.createArrayBuilder();
        Statistics.totals(rows).stream().map(StatisticsRow::toJson).forEach(totals::add);
        return Json.createObjectBuilder().add("from", query.from().toString()).add("to", query.to().toString())
                .add("items", items).add("totals", totals).build();
    }

    /** The query the parameters ask for: today by default, at most {@link Statistics#MAX_DAYS} days. */
    static Statistics.Query query(String from, String to, String merchantId, String channelId, String method,
                                  LocalDate today) {
        LocalDate last = to == null ? today : OperatorParams.day("to", to);
        LocalDate first = from == null ? last : OperatorParams.day("from", from);
        if (first.isAfter(last)) {
            throw new InvalidFieldException("from", "must not be after to (" + last + ")");
        }
        if (first.plusDays(Statistics.MAX_DAYS).isBefore(last.plusDays(1))) {
            throw new InvalidFieldException("from", "the range may cover at most " + Statistics.MAX_DAYS
                    + " days: ask for a shorter one, or several");
        }
        if (method != null && Arrays.stream(PaymentMethod.values()).noneMatch(m -> m.name().equals(method))) {
            throw new InvalidFieldException("method", "must be one of " + Arrays.toString(PaymentMethod.values()));
        }
        return new Statistics.Query(first, last, blankToNull(merchantId), blankToNull(channelId), method);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
