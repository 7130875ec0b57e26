package org.hearth.bench.day;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hearth.bench.Fixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes the day's agencies through the paths the product gives each step: the platform operator onboards the
 * organization and its first admin with Keycloak's admin API; the agency admin provisions the staff with Hearth's
 * agency API (each person then sets a password, done for them here); the coordinator puts the clinicians on the
 * roster; billing adds a payer; every patient is referred, accepted and admitted, gets a care team, a completed
 * assessment and a plan signed by the lead physician (so scheduling has visits to book), and billing records the
 * coverage eligibility checks ask the payer about. What exists is reused: see {@link DayState}.
 */
final class DayPopulation {

    private static final String PATIENTS = "/api/patients/v1/patients";
    private static final String REFERRALS = "/api/patients/v1/referrals";
    private static final String STAFF = "/api/patients/v1/agency/staff";
    private static final String CLINICIANS = "/api/scheduling/v1/clinicians";
    private static final String PAYERS = "/api/billing/v1/payers";
    private static final String PAYER = "Day Medicare";
    private static final List<String> GIVEN =
            List.of("Ada", "Ben", "Cora", "Dov", "Edith", "Frank", "Greta", "Hugo", "Ines", "Jon", "Kay", "Leo");

    /** Steps of one patient, in order; the state keeps the number of the next one. */
    private static final int REFERRED = 1,
            ACCEPTED = 2,
            ADMITTED = 3,
            TEAM = 4,
            ASSESSED = 5,
            COMPLETED = 6,
            DRAFTED = 7,
            SIGNED = 8,
            COVERED = 9;

    private final Http gateway;
    private final KeycloakAdmin keycloak;
    private final Tokens tokens;
    private final DayState state;
    private final AtomicInteger callsMade = new AtomicInteger();

    DayPopulation(Http gateway, KeycloakAdmin keycloak, Tokens tokens, DayState state) {
        this.gateway = gateway;
        this.keycloak = keycloak;
        this.tokens = tokens;
        this.state = state;
    }

    /** Populates every agency, {@code threads} agencies at a time; prints what each took. */
    void populate(List<DayAgency> agencies, int threads) throws Exception {
        long started = System.nanoTime();
        List<Future<String>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (DayAgency agency : agencies) {
                done.add(pool.submit(() -> populate(agency)));
            }
            Thread saver = Thread.ofVirtual().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        Thread.sleep(5000);
                        state.save();
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        System.out.println("S7: could not save the state: " + e.getMessage());
                    }
                }
            });
            try {
                for (Future<String> f : done) {
                    System.out.println(f.get());
                }
            } finally {
                saver.interrupt();
                state.save();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "S7 population: %d agencies ready in %.0f s, %d API calls made (%.1f/s)%n",
                agencies.size(),
                seconds,
                callsMade.get(),
                callsMade.get() / seconds);
    }

    private String populate(DayAgency agency) throws Exception {
        long started = System.nanoTime();
        ObjectNode mine = state.agency(agency.alias());
        String orgId = keycloak.findOrganization(agency.alias(), agency.name()).orElse(null);
        if (orgId == null || !orgId.equals(mine.path("orgId").asString(""))) {
            state.forget(agency.alias()); // a cleaned stack: nothing recorded exists any more
            mine = state.agency(agency.alias());
        }
        int callsBefore = callsMade.get();
        orgId = keycloak.organization(agency.alias(), agency.name());
        put(mine, "orgId", orgId);
        long keycloakStarted = System.nanoTime();
        people(agency, mine, orgId);
        double keycloakSeconds = (System.nanoTime() - keycloakStarted) / 1e9;
        roster(agency, mine);
        payer(agency, mine);
        int made = patients(agency, mine);
        coverage(agency, mine);
        return String.format(
                Locale.ROOT,
                "  %s: %d people (%.1f s with Keycloak), %d clinicians on the roster, %d patients (%d new), "
                        + "%d calls, %.0f s",
                agency.alias(),
                mine.path("people").size(),
                keycloakSeconds,
                mine.path("roster").size(),
                agency.patients(),
                made,
                callsMade.get() - callsBefore,
                (System.nanoTime() - started) / 1e9);
    }

    // ---- people ------------------------------------------------------------------------------------------------

    private void people(DayAgency agency, ObjectNode mine, String orgId) {
        ObjectNode people = object(mine, "people");
        if (!people.has(agency.admin())) {
            put(people, agency.admin(), keycloak.agencyAdmin(agency.admin(), orgId));
        }
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put(agency.coordinator(), "coordinator");
        roles.put(agency.physician(), "physician");
        roles.put(agency.billing(), "billing");
        agency.clinicians().forEach(c -> roles.put(c.username(), c.staffRole()));
        String admin = null;
        for (Map.Entry<String, String> person : roles.entrySet()) {
            if (people.has(person.getKey())) {
                continue;
            }
            admin = admin == null ? tokens.of(agency.admin()) : admin;
            String username = person.getKey();
            Http.Answer created = call(
                    "POST",
                    STAFF,
                    admin,
                    Map.of(
                            "username",
                            username,
                            "email",
                            username + "@day.example",
                            "givenName",
                            given(username),
                            "familyName",
                            "Day",
                            "roles",
                            List.of(person.getValue())),
                    Map.of("Idempotency-Key", "day-staff-" + username));
            String id;
            if (created.status() == 409) { // made by an earlier run that lost its answer
                id = keycloak.user(username)
                        .orElseThrow(() -> new IllegalStateException(username + ": 409, not found"));
            } else {
                id = created.expect("provisioning " + username).createdId();
            }
            keycloak.setPassword(id);
            put(people, username, id);
        }
    }

    private void roster(DayAgency agency, ObjectNode mine) {
        ObjectNode roster = object(mine, "roster");
        if (roster.size() == agency.clinicians().size()) {
            return;
        }
        String coordinator = tokens.of(agency.coordinator());
        Map<String, String> bySubject = new HashMap<>();
        for (JsonNode c : call("GET", CLINICIANS + "?size=200", coordinator, null, null)
                .expect("the roster")
                .body()
                .path("items")) {
            bySubject.put(c.path("subject").asString(), c.path("id").asString());
        }
        LocalDate expires = Year.now().plusYears(2).atMonth(12).atEndOfMonth();
        List<Map<String, Object>> hours = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            // any hour: the replay books visits whenever it runs, minutes ahead, as the check-in window requires
            hours.add(Map.of("day", day, "start", "00:00", "end", "23:59"));
        }
        for (DayAgency.Clinician c : agency.clinicians()) {
            if (roster.has(c.username())) {
                continue;
            }
            String subject = mine.path("people").path(c.username()).asString();
            String id = bySubject.get(subject);
            if (id == null) {
                id = call(
                                "POST",
                                CLINICIANS,
                                coordinator,
                                Map.of(
                                        "subject",
                                        subject,
                                        "name",
                                        given(c.username()) + " Day",
                                        "discipline",
                                        c.discipline(),
                                        "skills",
                                        List.of(),
                                        "certifications",
                                        List.of(Map.of("name", "CPR", "expiresOn", expires.toString())),
                                        "homeBase",
                                        Map.of("latitude", agency.latitude(), "longitude", agency.longitude()),
                                        "hours",
                                        hours,
                                        "maxVisitsPerDay",
                                        Slots.MAX_PER_DAY,
                                        "timeOff",
                                        List.of(),
                                        "active",
                                        true),
                                null)
                        .expect("roster entry of " + c.username())
                        .createdId();
            }
            put(roster, c.username(), id);
        }
    }

    private void payer(DayAgency agency, ObjectNode mine) {
        if (mine.has("payerId")) {
            return;
        }
        String billing = tokens.of(agency.billing());
        for (JsonNode p : call("GET", PAYERS + "?size=200", billing, null, null)
                .expect("payers")
                .body()
                .path("items")) {
            if (PAYER.equals(p.path("name").asString())) {
                put(mine, "payerId", p.path("id").asString());
                return;
            }
        }
        put(
                mine,
                "payerId",
                call(
                                "POST",
                                PAYERS,
                                billing,
                                Map.of(
                                        "name",
                                        PAYER,
                                        "type",
                                        "MEDICARE",
                                        "payerCode",
                                        "MEDICARE-DAY",
                                        "priorAuthorization",
                                        List.of(),
                                        "unit",
                                        "VISIT",
                                        "timelyFilingDays",
                                        365),
                                null)
                        .expect("payer")
                        .createdId());
    }

    // ---- patients ----------------------------------------------------------------------------------------------

    /** Brings every patient up to a signed plan; answers how many were new. */
    private int patients(DayAgency agency, ObjectNode mine) {
        ObjectNode patients = object(mine, "patients");
        String coordinator = null;
        String physician = null;
        List<Map<String, Object>> team = null;
        int made = 0;
        for (int i = 0; i < agency.patients(); i++) {
            ObjectNode p = object(patients, Integer.toString(i));
            int step = p.path("step").asInt(0);
            if (step >= SIGNED) {
                continue;
            }
            made += step == 0 ? 1 : 0;
            coordinator = tokens.of(agency.coordinator());
            physician = tokens.of(agency.physician());
            team = team == null ? careTeam(agency, mine) : team;
            boolean resumed = step > 0;
            String key = "day-" + agency.alias() + "-" + i;
            while (step < SIGNED) {
                Http.Answer answer = patientStep(step, agency, i, p, coordinator, physician, team, key);
                // a step an earlier run made but did not record answers 409/412 now: it is done
                if (!answer.ok() && !(resumed && (answer.status() == 409 || answer.status() == 412))) {
                    answer.expect(agency.alias() + " patient " + i + " step " + (step + 1));
                }
                resumed = false;
                step++;
                put(p, "step", step);
            }
        }
        return made;
    }

    private Http.Answer patientStep(
            int step,
            DayAgency agency,
            int i,
            ObjectNode p,
            String coordinator,
            String physician,
            List<Map<String, Object>> team,
            String key) {
        String patient = PATIENTS + "/" + p.path("id").asString("");
        switch (step) {
            case REFERRED - 1 -> {
                Http.Answer a =
                        call("POST", REFERRALS, coordinator, referral(agency, i), Map.of("Idempotency-Key", key));
                if (a.ok()) {
                    put(p, "referral", a.body().path("id").asString());
                }
                return a;
            }
            case ACCEPTED - 1 -> {
                return call(
                        "POST",
                        REFERRALS + "/" + p.path("referral").asString() + "/acceptance",
                        coordinator,
                        null,
                        null);
            }
            case ADMITTED - 1 -> {
                Http.Answer a = call(
                        "POST",
                        REFERRALS + "/" + p.path("referral").asString() + "/admission",
                        coordinator,
                        null,
                        null);
                if (!a.ok()) { // admitted before: the referral names the patient
                    a = call("GET", REFERRALS + "/" + p.path("referral").asString(), coordinator, null, null);
                }
                if (a.ok()) {
                    put(p, "id", a.body().path("patientId").asString());
                }
                return a;
            }
            case TEAM - 1 -> {
                return call("PUT", patient + "/care-team", coordinator, Map.of("members", team), ifMatch(0));
            }
            case ASSESSED - 1 -> {
                return call("PUT", patient + "/assessment", coordinator, Fixtures.ASSESSMENT, ifMatch(0));
            }
            case COMPLETED - 1 -> {
                return call("POST", patient + "/assessment/completion", coordinator, null, ifMatch(1));
            }
            case DRAFTED - 1 -> {
                return call("PUT", patient + "/care-plan/draft", coordinator, Fixtures.PLAN, ifMatch(0));
            }
            case SIGNED - 1 -> {
                return call("POST", patient + "/care-plan/draft/signature", physician, null, ifMatch(1));
            }
            default -> throw new IllegalStateException("no step " + step);
        }
    }

    /** Billing opens each file when it reads PatientAdmitted; by now it has, or is about to. */
    private void coverage(DayAgency agency, ObjectNode mine) throws InterruptedException {
        String billing = tokens.of(agency.billing());
        ObjectNode patients = object(mine, "patients");
        for (int i = 0; i < agency.patients(); i++) {
            ObjectNode p = object(patients, Integer.toString(i));
            if (p.path("step").asInt() >= COVERED) {
                continue;
            }
            billing = tokens.of(agency.billing());
            String file = "/api/billing/v1/patients/" + p.path("id").asString();
            Http.Answer current = call("GET", file, billing, null, null);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (current.status() == 404 && System.nanoTime() < deadline) {
                Thread.sleep(500);
                current = call("GET", file, billing, null, null);
            }
            current.expect("billing file of " + agency.alias() + " patient " + i);
            if (current.body().path("coverages").isEmpty()) {
                current = call(
                                "PUT",
                                file + "/coverage",
                                billing,
                                Map.of(
                                        "coverages",
                                        List.of(Map.of(
                                                "payerId", mine.path("payerId").asString(),
                                                "memberId",
                                                        String.format(
                                                                "A-DAY-%s-%05d",
                                                                agency.alias().substring(4), i),
                                                "plan", "Original Medicare",
                                                "priority", "PRIMARY",
                                                "from",
                                                        LocalDate.now()
                                                                .withDayOfYear(1)
                                                                .toString()))),
                                Map.of("If-Match", current.etag()))
                        .expect("coverage of " + agency.alias() + " patient " + i);
            }
            put(
                    p,
                    "coverage",
                    current.body().path("coverages").path(0).path("id").asString());
            put(p, "step", COVERED);
        }
    }

    private List<Map<String, Object>> careTeam(DayAgency agency, ObjectNode mine) {
        JsonNode people = mine.path("people");
        List<Map<String, Object>> members = new ArrayList<>();
        members.add(member(people.path(agency.coordinator()).asString(), "COORDINATOR", "Coordinator Day", false));
        members.add(member(people.path(agency.physician()).asString(), "PHYSICIAN", "Dr. Day", true));
        for (DayAgency.Clinician c : agency.clinicians()) {
            // every clinician is on every team: any of them may visit, record vitals and write in the team's thread
            members.add(member(
                    people.path(c.username()).asString(), c.careTeamRole(), given(c.username()) + " Day", false));
        }
        return members;
    }

    private static Map<String, Object> member(String subject, String role, String name, boolean lead) {
        return Map.of("subject", subject, "role", role, "displayName", name, "lead", lead);
    }

    private static Map<String, Object> referral(DayAgency agency, int i) {
        Map<String, Object> patient = Map.of(
                "givenName", GIVEN.get(i % GIVEN.size()),
                "familyName", "Day",
                "birthDate", LocalDate.of(1930, 1, 1).plusDays(i * 7L % 15000).toString(),
                "language", "en",
                "address",
                        Map.of(
                                "line1",
                                agency.number() + " Day Street",
                                "city",
                                "Springfield",
                                "state",
                                "IL",
                                "postalCode",
                                "62701",
                                "latitude",
                                agency.latitude(),
                                "longitude",
                                agency.longitude()));
        return Map.of(
                "source",
                "HOSPITAL_DISCHARGE",
                "referringPhysician",
                Map.of("name", "Dr. Day", "npi", "1234567893"),
                "reason",
                "Home after a hospital stay for heart failure",
                "diagnoses",
                List.of(Map.of("code", "I50.9", "description", "Heart failure, unspecified", "primary", true)),
                "requestedDisciplines",
                List.of("SN", "PT", "OT"),
                "dischargeDate",
                LocalDate.now().minusDays(1).toString(),
                "complexity",
                "HIGH",
                "patient",
                patient);
    }

    private static Map<String, String> ifMatch(int version) {
        return Map.of("If-Match", "\"" + version + "\"");
    }

    private static String given(String username) {
        String last = username.substring(username.indexOf('.') + 1);
        return Character.toUpperCase(last.charAt(0)) + last.substring(1);
    }

    private Http.Answer call(String method, String path, String token, Object body, Map<String, String> headers) {
        callsMade.incrementAndGet();
        return gateway.send(method, path, token, body, headers);
    }

    private ObjectNode object(ObjectNode parent, String name) {
        synchronized (state.lock()) {
            return parent.has(name) ? (ObjectNode) parent.get(name) : parent.putObject(name);
        }
    }

    private void put(ObjectNode node, String name, Object value) {
        synchronized (state.lock()) {
            if (value instanceof Integer n) {
                node.put(name, n);
            } else {
                node.put(name, String.valueOf(value));
            }
        }
        state.changed();
    }
}
