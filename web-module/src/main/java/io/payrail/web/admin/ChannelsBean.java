package io.payrail.web.admin;

import io.payrail.backoffice.BackOfficeQueries;
import io.payrail.channel.ChannelConnector;
import io.payrail.channel.ChannelRegistry;
import io.payrail.channel.ChannelSwitches;
import io.payrail.order.domain.PaymentMethod;
import io.payrail.staff.StaffRole;
import io.payrail.web.backoffice.StaffActions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Channels: their routes (payment methods, priority), whether staff switched them off, and how they
 * did over the last hour; OPERATIONS switches them off and on (checked here).
 */
@Named("channels")
@RequestScoped
public class ChannelsBean {

    @Inject
    private ChannelRegistry registry;

    @Inject
    private ChannelSwitches switches;

    @Inject
    private BackOfficeQueries queries;

    @Inject
    private StaffActions actions;

    @Inject
    private StaffGuard guard;

    @Inject
    private AdminMessages messages;

    public List<Map<String, Object>> getRows() {
        Set<String> off = switches.disabled();
        Map<String, Map<String, Object>> health = new LinkedHashMap<>();
        queries.channelHealth().forEach(h -> health.put(String.valueOf(h.get("channel")), h));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ChannelConnector c : registry.all()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", c.channelId());
            List<String> routes = new ArrayList<>();
            for (PaymentMethod m : PaymentMethod.values()) {
                int position = registry.route(m).indexOf(c.channelId());
                if (position >= 0) {
                    routes.add(m + " #" + (position + 1));
                }
            }
            row.put("routes", String.join(", ", routes));
            row.put("enabled", !off.contains(c.channelId()));
            Map<String, Object> h = health.getOrDefault(c.channelId(), Map.of());
            long payments = h.get("payments") instanceof Number n ? n.longValue() : 0;
            long succeeded = h.get("succeeded") instanceof Number n ? n.longValue() : 0;
            row.put("payments", payments);
            row.put("successRate", payments == 0 ? "-" : Math.round(succeeded * 100.0 / payments) + " %");
            row.put("unresolved", h.getOrDefault("unresolved", 0));
            row.put("lastFailure", h.get("lastFailure"));
            rows.add(row);
        }
        return rows;
    }

    public void enable(String channelId) {
        set(channelId, true);
    }

    public void disable(String channelId) {
        set(channelId, false);
    }

    private void set(String channelId, boolean enabled) {
        if (guard.allows(StaffRole.OPERATIONS)) {
            actions.setChannelEnabled(guard.actor(), channelId, enabled);
            messages.info(enabled ? "channels.enabled" : "channels.disabled", channelId);
        }
    }
}
