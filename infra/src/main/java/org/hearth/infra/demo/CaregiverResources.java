package org.hearth.infra.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The agency's caregiver support resources (respite, support groups, education), looked up by title first. */
final class CaregiverResources {

    private static final String PATH = "/api/patients/v1/agency/caregiver-resources";

    record Resource(String category, String title, String description, String contact, String url) {}

    private final HearthApi api;
    private final Ledger ledger;

    CaregiverResources(HearthApi api, Ledger ledger) {
        this.api = api;
        this.ledger = ledger;
    }

    void ensure(String coordinatorToken, List<Resource> resources) {
        Set<String> existing = new HashSet<>();
        for (JsonNode r :
                api.get(coordinatorToken, PATH + "?size=200").expect(200).body().path("items")) {
            existing.add(r.path("title").asText());
        }
        for (Resource resource : resources) {
            boolean missing = !existing.contains(resource.title());
            if (missing) {
                Map<String, Object> body = new LinkedHashMap<>(Map.of(
                        "category",
                        resource.category(),
                        "title",
                        resource.title(),
                        "description",
                        resource.description()));
                if (resource.contact() != null) {
                    body.put("contact", resource.contact());
                }
                if (resource.url() != null) {
                    body.put("url", resource.url());
                }
                api.post(coordinatorToken, PATH, body).expect(201);
            }
            ledger.record(missing, "caregiver resource " + resource.title());
        }
    }
}
