package org.hearth.scheduling.visits;

import java.time.Instant;
import java.util.List;
import org.hearth.platform.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The time one clinician has given away on one agency-local day, as claims: the single document every booking of
 * that clinician and day writes with its version, so two bookings racing on any number of replicas cannot both win.
 *
 * @param date the agency-local day, ISO ({@code 2030-01-07}): a string, so no driver ever shifts it by a zone
 */
@Document(ClinicianDayDocument.COLLECTION)
record ClinicianDayDocument(
        @Id String id, String tenantId, String clinicianId, String date, long version, List<Claim> claims)
        implements TenantOwned {

    static final String COLLECTION = "clinician_days";

    ClinicianDayDocument {
        claims = claims == null ? List.of() : List.copyOf(claims);
    }

    /**
     * A visit's hold on the clinician's time. {@code claimId} tells this claim from another booking's claim of the
     * same visit (two coordinators moving one visit), so each request takes back only what it wrote. The patient and
     * type, not a position, are kept: travel is reckoned from the patient's current home, as everywhere else.
     */
    record Claim(
            String claimId,
            String visitId,
            String patientId,
            Visit.VisitType type,
            Instant start,
            Instant end,
            Instant claimedAt) {

        boolean holds(String otherVisitId, Instant otherStart, Instant otherEnd) {
            return visitId.equals(otherVisitId)
                    && start.toEpochMilli() == otherStart.toEpochMilli()
                    && end.toEpochMilli() == otherEnd.toEpochMilli();
        }
    }
}
