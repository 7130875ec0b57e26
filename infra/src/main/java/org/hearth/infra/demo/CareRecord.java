package org.hearth.infra.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A patient's clinical record in patient-service, each part by the person whose role may write it: the
 * coordinator sets up profile, team and circle, the nurse assesses, the coordinator drafts the plan and the lead
 * physician signs it. Every part is written only while it is still empty.
 */
final class CareRecord {

    private final HearthApi api;
    private final Versioned versioned;
    private final Ledger ledger;
    private final String base;

    CareRecord(HearthApi api, Ledger ledger, String patientId) {
        this.api = api;
        this.versioned = new Versioned(api);
        this.ledger = ledger;
        this.base = "/api/patients/v1/patients/" + patientId;
    }

    void clinicalProfile(String token, Map<String, Object> profile) {
        ledger.record(
                versioned.ensure(
                        token,
                        base,
                        p -> p.path("clinical")
                                .path("homebound")
                                .path("homebound")
                                .asBoolean(),
                        "PUT",
                        base + "/clinical-profile",
                        profile),
                "clinical profile (homebound, diagnoses, allergies)");
    }

    void careTeam(String token, List<Map<String, Object>> members) {
        ledger.record(
                versioned.ensure(
                        token,
                        base + "/care-team",
                        t -> Versioned.nonEmpty(t.path("members")),
                        "PUT",
                        base + "/care-team",
                        Map.of("members", members)),
                "care team of " + members.size());
    }

    void careCircle(String token, List<Map<String, Object>> members) {
        ledger.record(
                versioned.ensure(
                        token,
                        base + "/care-circle",
                        c -> Versioned.nonEmpty(c.path("members")),
                        "PUT",
                        base + "/care-circle",
                        Map.of("members", members)),
                "care circle of " + members.size());
    }

    /** Writes the assessment if there is none, then completes it if it is still in progress. */
    void assessment(String token, Map<String, Object> assessment) {
        String path = base + "/assessment";
        boolean written = versioned.ensure(token, path, a -> true, "PUT", path, assessment);
        ApiResponse current = api.get(token, path).expect(200);
        boolean completed = "COMPLETED".equals(current.body().path("status").asText());
        if (!completed) {
            api.write("POST", token, path + "/completion", current.etag(), null).expect(200);
        }
        ledger.record(written || !completed, "initial assessment, completed");
    }

    /**
     * Makes sure a signed plan exists: drafts it (unless a draft is open) as {@code author}, then signs it as
     * {@code physician}, who must be the care team's lead.
     */
    void signedPlan(String author, String physician, Map<String, Object> content) {
        String path = base + "/care-plan";
        JsonNode plan = api.get(author, path).expect(200).body();
        if (Versioned.nonEmpty(plan.path("active"))) {
            ledger.found("care plan v" + plan.path("active").path("number").asInt() + " signed ("
                    + plan.path("active").path("content").path("frequency").asText() + ")");
            return;
        }
        if (!Versioned.nonEmpty(plan.path("draft"))) {
            versioned.ensure(author, path, p -> false, "PUT", path + "/draft", content);
        }
        ApiResponse draft = api.get(physician, path).expect(200);
        JsonNode signed = api.write("POST", physician, path + "/draft/signature", draft.etag(), null)
                .expect(200)
                .body();
        ledger.created("care plan v" + signed.path("active").path("number").asInt() + " signed by the lead physician ("
                + signed.path("active").path("content").path("frequency").asText() + ")");
    }
}
