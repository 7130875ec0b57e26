package org.hearth.patient.sharing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * The patient's consent that another agency ({@code granteeAlias}, its Keycloak organization alias) may read
 * {@code parts} of the record from {@code from} to {@code until} (days in the agencies' zone, both included).
 *
 * @param ownerAgency     the patient's agency (tenant id): the grant is its document
 * @param basis           who consented: the patient through the point of contact, or a consent document recorded by
 *                        a coordinator
 * @param consentDocument the reference of that document (e.g. a scanned form's number), with CONSENT_DOCUMENT
 */
public record SharingGrant(
        String id,
        String patientId,
        String ownerAgency,
        String ownerAlias,
        String granteeAlias,
        Set<SharedPart> parts,
        LocalDate from,
        LocalDate until,
        Basis basis,
        String consentDocument,
        String grantedBy,
        Instant grantedAt,
        Instant revokedAt,
        String revokedBy) {

    public enum Basis {
        POINT_OF_CONTACT,
        CONSENT_DOCUMENT
    }

    public SharingGrant {
        parts = Set.copyOf(parts);
    }

    /** The grant ended by {@code by} at {@code now}. */
    public SharingGrant revokedBy(String by, Instant now) {
        return new SharingGrant(
                id,
                patientId,
                ownerAgency,
                ownerAlias,
                granteeAlias,
                parts,
                from,
                until,
                basis,
                consentDocument,
                grantedBy,
                grantedAt,
                now,
                by);
    }

    public boolean activeOn(LocalDate day) {
        return revokedAt == null && !day.isBefore(from) && !day.isAfter(until);
    }

    public boolean shares(SharedPart part, LocalDate day) {
        return activeOn(day) && parts.contains(part);
    }
}
