package org.hearth.patient.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hearth.patient.agency.AgencyDirectory;
import org.hearth.patient.careteam.CareTeamMember;
import org.hearth.patient.careteam.CareTeamRepository;
import org.hearth.patient.careteam.CareTeamRole;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The real people an escalation pages, so that messaging never has to guess. Level 1 ({@code role:coordinator}) pages
 * the care team's coordinators, else the agency's coordinators, else its administrators; level 2
 * ({@code role:agency-admin}) pages the agency's administrators, else its coordinators. The agency's staff come from
 * Keycloak (organization members holding the realm role), kept for a minute per agency and role: one pass of the
 * escalator asks Keycloak at most twice per agency, not once per alert.
 */
@Component
class EscalationRecipients {

    private static final Logger log = LoggerFactory.getLogger(EscalationRecipients.class);
    static final Duration CACHED_FOR = Duration.ofMinutes(1);
    /** The contract's limit on recipients. */
    static final int MAX = 50;

    static final String COORDINATOR_ROLE = "coordinator";
    static final String ADMIN_ROLE = "agency-admin";

    private final CareTeamRepository teams;
    private final AgencyDirectory directory;
    private final Clock clock;
    /**
     * After Keycloak failed, the rest of the pass does not ask again for the agency and role (each try may cost the
     * client's time-outs); at most half the escalator's interval, so the next pass asks again.
     */
    private final Duration failureRememberedFor;

    private final Map<String, Cached> staff = new ConcurrentHashMap<>();

    EscalationRecipients(CareTeamRepository teams, AgencyDirectory directory, AlertSettings settings, Clock clock) {
        this.teams = teams;
        this.directory = directory;
        this.clock = clock;
        Duration half = settings.checkInterval().dividedBy(2);
        this.failureRememberedFor = half.compareTo(Duration.ofSeconds(15)) < 0 ? half : Duration.ofSeconds(15);
    }

    /** @param people null: Keycloak failed, ask again after {@code until} */
    private record Cached(List<String> people, Instant until) {}

    /** Keycloak failed a moment ago for this agency and role. */
    static final class Unreachable extends RuntimeException {
        Unreachable() {
            super("Keycloak failed moments ago", null, false, false);
        }
    }

    /** Whom to page; {@link Answer#unavailable()} when Keycloak could not be asked now and the answer depends on it. */
    record Answer(List<String> people, boolean unavailable) {
        static Answer of(List<String> people) {
            return new Answer(people.stream().limit(MAX).toList(), false);
        }
    }

    /** Runs in the alert's agency (tenant context set): the care team is read there. */
    Answer resolve(String agencyId, String patientId, String queue) {
        if (Alert.COORDINATORS.equals(queue)) {
            List<String> team = teams.find(patientId).team().members().stream()
                    .filter(m -> m.role() == CareTeamRole.COORDINATOR)
                    .map(CareTeamMember::subject)
                    .toList();
            if (!team.isEmpty()) {
                return Answer.of(team);
            }
        }
        List<String> order = Alert.COORDINATORS.equals(queue)
                ? List.of(COORDINATOR_ROLE, ADMIN_ROLE)
                : List.of(ADMIN_ROLE, COORDINATOR_ROLE);
        for (String role : order) {
            Optional<List<String>> people;
            try {
                people = staff(agencyId, role);
            } catch (Unreachable stillDown) {
                return new Answer(List.of(), true);
            } catch (RuntimeException unreachable) {
                log.warn(
                        "Agency {}: Keycloak could not list the {} staff ({}); escalations that need them wait",
                        agencyId,
                        role,
                        unreachable instanceof ApiException e
                                ? e.type()
                                : unreachable.getClass().getSimpleName());
                return new Answer(List.of(), true);
            }
            if (people.isEmpty()) {
                return Answer.of(List.of()); // no Keycloak administration on this deployment: nobody to ask, ever
            }
            if (!people.get().isEmpty()) {
                return Answer.of(people.get());
            }
        }
        return Answer.of(List.of());
    }

    /** Empty when Keycloak administration is not configured; throws when it is but does not answer. */
    private Optional<List<String>> staff(String agencyId, String role) {
        String key = agencyId + "|" + role;
        Instant now = clock.instant();
        Cached cached = staff.get(key);
        if (cached != null && now.isBefore(cached.until())) {
            if (cached.people() == null) {
                throw new Unreachable();
            }
            return Optional.of(cached.people());
        }
        List<String> people;
        try {
            people = directory.staffWithRole(agencyId, role, 500);
        } catch (ApiException e) {
            if (e.type() == ProblemType.BUSY) {
                return Optional.empty();
            }
            if (e.type() != ProblemType.NOT_FOUND) {
                staff.put(key, new Cached(null, now.plus(failureRememberedFor)));
                throw e;
            }
            people = List.of(); // Keycloak answered: no such organization (or role), so nobody holds it there
        } catch (RuntimeException e) {
            staff.put(key, new Cached(null, now.plus(failureRememberedFor)));
            throw e;
        }
        staff.put(key, new Cached(people, now.plus(CACHED_FOR)));
        return Optional.of(people);
    }
}
