package org.hearth.infra.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts the agency's visiting clinicians on scheduling's roster, linked to their Keycloak {@code sub}. The roster
 * has no natural key, so the step reads it first and adds only clinicians whose subject it does not list.
 */
final class Roster {

    private static final String PATH = "/api/scheduling/v1/clinicians";

    private final HearthApi api;
    private final Tokens tokens;
    private final Ledger ledger;

    Roster(HearthApi api, Tokens tokens, Ledger ledger) {
        this.api = api;
        this.tokens = tokens;
        this.ledger = ledger;
    }

    /** Answers each clinician's roster id by username. */
    Map<String, String> ensure(String coordinator, List<Person> people, double baseLatitude, double baseLongitude) {
        String token = tokens.of(coordinator);
        Map<String, String> bySubject = new HashMap<>();
        for (JsonNode c : api.get(token, PATH + "?size=200").expect(200).body().path("items")) {
            bySubject.put(c.path("subject").asText(), c.path("id").asText());
        }
        Map<String, String> ids = new HashMap<>();
        for (Person person : people.stream().filter(Person::visits).toList()) {
            String subject = tokens.subjectOf(person.username());
            String id = bySubject.get(subject);
            if (id == null) {
                id = api.post(token, PATH, request(person, subject, baseLatitude, baseLongitude))
                        .expect(201)
                        .createdId();
            }
            ledger.record(
                    !bySubject.containsKey(subject), "clinician " + person.name() + " (" + person.discipline() + ")");
            ids.put(person.username(), id);
        }
        return ids;
    }

    static Map<String, Object> request(Person person, String subject, double latitude, double longitude) {
        List<Map<String, Object>> hours = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY").stream()
                .map(day -> Map.<String, Object>of("day", day, "start", "08:00", "end", "17:00"))
                .toList();
        // certifications stay valid for the demo's lifetime: two years past the current one
        LocalDate expires = Year.now().plusYears(2).atMonth(12).atEndOfMonth();
        return Map.of(
                "subject",
                subject,
                "name",
                person.name(),
                "discipline",
                person.discipline(),
                "skills",
                skills(person.discipline()),
                "certifications",
                List.of(Map.of("name", "CPR", "expiresOn", expires.toString())),
                "homeBase",
                Map.of("latitude", latitude, "longitude", longitude),
                "hours",
                hours,
                "maxVisitsPerDay",
                6,
                "timeOff",
                List.of(),
                "active",
                true);
    }

    private static Set<String> skills(String discipline) {
        return switch (discipline) {
            case "RN" -> Set.of("wound-care", "medication-management", "heart-failure");
            case "PT" -> Set.of("gait-training", "fall-prevention");
            case "OT" -> Set.of("adl-training", "home-modification");
            case "DIETITIAN" -> Set.of("cardiac-diet");
            case "SOCIAL_WORKER" -> Set.of("community-resources");
            default -> Set.of();
        };
    }
}
