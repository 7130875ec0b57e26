package org.hearth.audit.query;

import java.time.Instant;
import java.util.List;

/**
 * A user who read the records of many distinct patients outside their care teams (and not as family) in a window.
 *
 * @param patientsOutsideCareTeams how many distinct patients
 * @param patientIds               which ones (ids only; the privacy officer opens them through the audit queries)
 */
public record UnusualAccess(
        String actor,
        String actorName,
        List<String> roles,
        int patientsOutsideCareTeams,
        List<String> patientIds,
        Instant firstAt,
        Instant lastAt) {}
