package org.hearth.infra.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The agency's payers in billing, looked up by name first (billing also refuses a second payer of one name). */
final class Payers {

    private static final String PATH = "/api/billing/v1/payers";

    record Payer(String name, String type, String payerCode, List<String> priorAuthorization, int timelyFilingDays) {}

    private final HearthApi api;
    private final Ledger ledger;

    Payers(HearthApi api, Ledger ledger) {
        this.api = api;
        this.ledger = ledger;
    }

    /** Answers each payer's id by name. */
    Map<String, String> ensure(String billingToken, List<Payer> payers) {
        Map<String, String> existing = new HashMap<>();
        for (JsonNode p :
                api.get(billingToken, PATH + "?size=200").expect(200).body().path("items")) {
            existing.put(p.path("name").asText(), p.path("id").asText());
        }
        Map<String, String> ids = new HashMap<>();
        for (Payer payer : payers) {
            String id = existing.get(payer.name());
            if (id == null) {
                id = api.post(
                                billingToken,
                                PATH,
                                Map.of(
                                        "name",
                                        payer.name(),
                                        "type",
                                        payer.type(),
                                        "payerCode",
                                        payer.payerCode(),
                                        "priorAuthorization",
                                        payer.priorAuthorization(),
                                        "unit",
                                        "VISIT",
                                        "timelyFilingDays",
                                        payer.timelyFilingDays()))
                        .expect(201)
                        .createdId();
            }
            ledger.record(!existing.containsKey(payer.name()), "payer " + payer.name());
            ids.put(payer.name(), id);
        }
        return ids;
    }
}
