package org.hearth.scheduling.sharing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * Scheduling's tolerant readers of patient-service's sharing events (contracts/events/patient.Sharing*.v1.json): only
 * the fields it needs, unknown fields ignored. Its own copies on purpose: services share contracts, not classes.
 */
public final class SharingEventsV1 {

    private SharingEventsV1() {}

    /** The patient let the agency {@code granteeAlias} read {@code parts} from {@code from} to {@code until}. */
    public record SharingGrantedV1(
            String patientId,
            String grantId,
            String ownerAgency,
            String granteeAlias,
            Set<String> parts,
            LocalDate from,
            LocalDate until) {

        public static final String TYPE = "org.hearth.patient.SharingGranted.v1";
    }

    /** The patient's agency ended the grant. */
    public record SharingRevokedV1(String patientId, String grantId, Instant revokedAt) {

        public static final String TYPE = "org.hearth.patient.SharingRevoked.v1";
    }
}
