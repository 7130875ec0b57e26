package org.hearth.system;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hearth.platform.test.ApiClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Riverbend Home Care's desk for the fault experiments, through the gateway as its own people and partner would:
 * Rita admits, sets Dr. Rivera as lead physician, the remote monitor sends a reading. The experiments use Riverbend
 * so that the Sunrise demo the console journeys walk through stays as it was.
 */
final class RiverbendDesk {

    static final String PATIENTS = "/api/patients/v1/patients";
    static final String RITA = "rita.coordinator";
    static final String ROB = "rob.admin";
    static final String RIVERA = "dr.rivera";
    static final String PARTNER = "riverbend-partner";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Keycloak keycloak;
    private final ApiClient gateway;
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, Instant> taken = new HashMap<>();

    RiverbendDesk(Keycloak keycloak, ApiClient gateway) {
        this.keycloak = keycloak;
        this.gateway = gateway;
    }

    /**
     * A token younger than two minutes (they live five). One sign-in at a time: Keycloak's brute-force detection
     * refuses a user's parallel password grants ("Invalid user credentials").
     */
    synchronized String token(String who) {
        Instant at = taken.get(who);
        if (at == null || at.isBefore(Instant.now().minusSeconds(120))) {
            tokens.put(
                    who,
                    PARTNER.equals(who)
                            ? keycloak.partnerToken(PARTNER, "riverbend-partner-secret")
                            : keycloak.userToken(who));
            taken.put(who, Instant.now());
        }
        return tokens.get(who);
    }

    String subject(String who) {
        return Keycloak.claims(token(who)).path("sub").asString();
    }

    String tenant() {
        return Keycloak.claims(token(RITA))
                .path("organization")
                .path("riverbend")
                .path("id")
                .asString();
    }

    /** Admits a patient; the answer (null when none came) says whether it was acknowledged (201) and with which id. */
    ApiClient.Response admit(String label) {
        return admit(label, Map.of());
    }

    /**
     * Admits as a careful client does when the service is in trouble: the same {@code Idempotency-Key} on every try
     * until an answer of 201 (at most {@code patience}); the patient id, or null if it never was acknowledged.
     */
    String admitRetrying(String label, Duration patience, java.util.function.Consumer<Refusal> eachRefusal) {
        Map<String, String> key = Map.of("Idempotency-Key", "admit-" + UUID.randomUUID());
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            Instant sent = Instant.now();
            ApiClient.Response answer = admit(label, key);
            if (answer != null && answer.status() == 201) {
                return answer.json().path("id").asString();
            }
            eachRefusal.accept(
                    new Refusal(answer, Duration.between(sent, Instant.now()).toMillis()));
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /** An answer other than 201 (null: no answer at all) and how long it took. */
    record Refusal(ApiClient.Response answer, long millis) {}

    private ApiClient.Response admit(String label, Map<String, String> headers) {
        return send(
                "POST",
                PATIENTS,
                token(RITA),
                Map.of(
                        "givenName",
                        "Fault",
                        "familyName",
                        label,
                        "birthDate",
                        "1941-03-02",
                        "language",
                        "en",
                        "address",
                        Map.of(
                                "line1",
                                "9 River Road",
                                "city",
                                "Riverbend",
                                "state",
                                "IL",
                                "postalCode",
                                "62702",
                                "latitude",
                                39.80,
                                "longitude",
                                -89.64)),
                headers);
    }

    /** Dr. Rivera as lead physician and Rita as coordinator (the notice's urgent item goes to him). */
    ApiClient.Response teamWithLead(String patientId) {
        return send(
                "PUT",
                PATIENTS + "/" + patientId + "/care-team",
                token(RITA),
                Map.of(
                        "members",
                        List.of(
                                Map.of(
                                        "subject",
                                        subject(RIVERA),
                                        "role",
                                        "PHYSICIAN",
                                        "displayName",
                                        "Dr. Rivera",
                                        "lead",
                                        true),
                                Map.of(
                                        "subject",
                                        subject(RITA),
                                        "role",
                                        "COORDINATOR",
                                        "displayName",
                                        "Rita",
                                        "lead",
                                        false))),
                Map.of("If-Match", "\"0\""));
    }

    /** One systolic reading of 185 mmHg from the remote monitor: a CRITICAL threshold alert. */
    ApiClient.Response criticalReading(String patientId) {
        return send(
                "POST",
                PATIENTS + "/" + patientId + "/observations",
                token(PARTNER),
                Map.of(
                        "observations",
                        List.of(Map.of(
                                "id",
                                UUID.randomUUID().toString(),
                                "vital",
                                "SYSTOLIC_BP",
                                "value",
                                185,
                                "unit",
                                "mm[Hg]",
                                "observedAt",
                                Instant.now().minusSeconds(60).toString()))),
                Map.of());
    }

    /**
     * Admission, team and a critical reading: the path of an alert to the physician. Steps after a refused one are
     * skipped; the answer is the patient id when all three were acknowledged (one alert is then owed), else null.
     */
    String admittedWithCriticalReading(String label) {
        ApiClient.Response admitted = admit(label);
        if (admitted == null || admitted.status() != 201) {
            return null;
        }
        String id = admitted.json().path("id").asString();
        ApiClient.Response team = teamWithLead(id);
        if (team == null || (team.status() != 200 && team.status() != 201)) {
            return null;
        }
        ApiClient.Response reading = criticalReading(id);
        return reading != null && reading.status() / 100 == 2 ? id : null;
    }

    ApiClient.Response send(String method, String path, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = gateway.request(path, token);
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        try {
            return gateway.send(request);
        } catch (RuntimeException refused) { // the gateway itself restarting: no answer is no acknowledgement
            return null;
        }
    }
}
