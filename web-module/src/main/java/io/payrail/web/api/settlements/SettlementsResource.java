package io.payrail.web.api.settlements;

import io.payrail.settlement.SettlementView;
import io.payrail.settlement.Settlements;
import io.payrail.web.api.security.MerchantContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A merchant's settlements, newest day first, and one settlement's lines as CSV. */
@Path("/v1/settlements")
@RequestScoped
public class SettlementsResource {

    /** The CSV of a settlement's lines. */
    public static final String CSV = "text/csv; charset=UTF-8";

    @Inject
    private MerchantContext merchant;

    @Inject
    private Settlements settlements;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject list() {
        JsonArrayBuilder items = Json.createArrayBuilder();
        settlements.ofMerchant(merchant.merchantId(), 100).stream().map(SettlementView::toJson).forEach(items::add);
        return Json.createObjectBuilder().add("items", items).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject get(@PathParam("id") String id) {
        return settlements.getFor(merchant.merchantId(), id).toJson();
    }

    /** Always CSV, whatever the Accept header says (SDKs send application/json by default). */
    @GET
    @Path("{id}/lines")
    public Response lines(@PathParam("id") String id) {
        return Response.ok(settlements.linesCsv(merchant.merchantId(), id), CSV).build();
    }
}
