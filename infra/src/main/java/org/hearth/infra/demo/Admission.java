package org.hearth.infra.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * Brings a demo patient into an agency, either as the story tells it (a partner system posts a referral, the
 * coordinator accepts and admits it) or by a coordinator's direct admission. A patient is known by name and birth
 * date: the step looks for the patient, then for an open referral, and resumes wherever an earlier run stopped.
 */
final class Admission {

    private static final String PATIENTS = "/api/patients/v1/patients";
    private static final String REFERRALS = "/api/patients/v1/referrals";

    /** Who the patient is, as both the referral and the direct admission describe them. */
    record Prospect(String givenName, String familyName, String birthDate, Map<String, Object> details) {

        String name() {
            return givenName + " " + familyName;
        }

        boolean matches(JsonNode person) {
            return givenName.equals(person.path("givenName").asText())
                    && familyName.equals(person.path("familyName").asText())
                    && birthDate.equals(person.path("birthDate").asText());
        }
    }

    private final HearthApi api;
    private final Ledger ledger;

    Admission(HearthApi api, Ledger ledger) {
        this.api = api;
        this.ledger = ledger;
    }

    /** The patient's id after a referral from a partner system, accepted and admitted by the coordinator. */
    String viaReferral(
            String partnerToken,
            String coordinatorToken,
            Prospect prospect,
            Map<String, Object> referral,
            String idempotencyKey) {
        Optional<String> admitted = existingPatient(coordinatorToken, prospect);
        if (admitted.isPresent()) {
            ledger.found("patient " + prospect.name());
            return admitted.get();
        }
        JsonNode open = openReferral(coordinatorToken, prospect).orElse(null);
        if (open == null) {
            // the key makes a retry after a lost answer return the same referral instead of a second one
            open = api.postIdempotent(partnerToken, REFERRALS, idempotencyKey, referral)
                    .expect(201)
                    .body();
            ledger.created(
                    "referral of " + prospect.name() + " (" + referral.get("source") + ", by the partner system)");
        } else {
            ledger.found("referral of " + prospect.name() + " ("
                    + open.path("status").asText() + ")");
        }
        String id = open.path("id").asText();
        if ("RECEIVED".equals(open.path("status").asText())) {
            open = api.post(coordinatorToken, REFERRALS + "/" + id + "/acceptance", null)
                    .expect(200)
                    .body();
            ledger.created("acceptance of the referral");
        }
        if ("ACCEPTED".equals(open.path("status").asText())) {
            open = api.post(coordinatorToken, REFERRALS + "/" + id + "/admission", null)
                    .expect(200)
                    .body();
            ledger.created("admission of " + prospect.name());
        }
        return open.path("patientId").asText();
    }

    /** The patient's id after a coordinator admits them directly. */
    String direct(String coordinatorToken, Prospect prospect) {
        Optional<String> admitted = existingPatient(coordinatorToken, prospect);
        ledger.record(admitted.isEmpty(), "patient " + prospect.name());
        return admitted.orElseGet(() -> api.post(coordinatorToken, PATIENTS, prospect.details())
                .expect(201)
                .createdId());
    }

    private Optional<String> existingPatient(String token, Prospect prospect) {
        return find(api.get(token, PATIENTS + "?size=200").expect(200).body(), prospect::matches)
                .map(p -> p.path("id").asText());
    }

    private Optional<JsonNode> openReferral(String token, Prospect prospect) {
        return find(
                api.get(token, REFERRALS + "?size=200").expect(200).body(),
                r -> prospect.matches(r.path("patient"))
                        && !"DECLINED".equals(r.path("status").asText()));
    }

    private static Optional<JsonNode> find(JsonNode page, java.util.function.Predicate<JsonNode> wanted) {
        for (JsonNode item : page.path("items")) {
            if (wanted.test(item)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }
}
