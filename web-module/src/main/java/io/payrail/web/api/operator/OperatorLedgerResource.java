package io.payrail.web.api.operator;

import io.payrail.ledger.AccountType;
import io.payrail.ledger.Ledger;
import io.payrail.staff.StaffRole;
import io.payrail.web.api.problem.InvalidFieldException;
import io.payrail.web.api.security.AllowedRoles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /api/operator/ledger}: every account's balance from the postings (optionally of one
 * type, e.g. {@code ?type=SUSPENSE}) and the trial balance, which is zero in every currency.
 */
@AllowedRoles({StaffRole.FINANCE, StaffRole.AUDITOR, StaffRole.ADMIN})
@Path("/operator/ledger")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OperatorLedgerResource {

    @Inject
    private Ledger ledger;

    @GET
    @Path("balances")
    public JsonObject balances(@QueryParam("type") String type) {
        AccountType only = null;
        if (type != null) {
            try {
                only = AccountType.valueOf(type.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("type", "must be an account type, one of "
                        + Arrays.toString(AccountType.values()));
            }
        }
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (Ledger.AccountBalance b : ledger.balances(only)) {
            items.add(Json.createObjectBuilder().add("type", b.type().name()).add("owner", b.owner())
                    .add("amount", b.balance().minorUnits()).add("currency", b.balance().currencyCode())
                    .add("postings", b.postings()));
        }
        JsonObjectBuilder trial = Json.createObjectBuilder();
        for (Map.Entry<String, Long> e : ledger.trialBalance().entrySet()) {
            trial.add(e.getKey(), e.getValue());
        }
        return Json.createObjectBuilder().add("items", items).add("trialBalance", trial).build();
    }
}
