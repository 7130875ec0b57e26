package org.hearth.patient.access;

import java.time.Instant;

/**
 * Emergency access by a clinician outside the patient's care team: read access to what a care-team clinician reads,
 * from {@code openedAt} until {@code expiresAt} or until the privacy officer revokes it, whichever is first. The
 * reason is the clinician's own words and stays in patient-service (it never travels in an event).
 *
 * @param reviewedAt when the privacy officer reviewed it (null: it waits in the review queue)
 */
public record BreakGlassGrant(
        String id,
        String patientId,
        String clinician,
        String clinicianName,
        String reason,
        Instant openedAt,
        Instant expiresAt,
        Instant revokedAt,
        String revokedBy,
        Instant reviewedAt,
        String reviewedBy,
        String reviewNote) {

    /** The grant ended by the privacy officer {@code by} at {@code now}. */
    public BreakGlassGrant revokedBy(String by, Instant now) {
        return new BreakGlassGrant(
                id,
                patientId,
                clinician,
                clinicianName,
                reason,
                openedAt,
                expiresAt,
                now,
                by,
                reviewedAt,
                reviewedBy,
                reviewNote);
    }

    public boolean activeAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt) && !now.isBefore(openedAt);
    }
}
