package org.hearth.scheduling.patients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Scheduling's tolerant readers of the patient-service events it follows (contracts/events/patient.*.v1.json): only
 * the fields it needs, unknown fields ignored. Its own copies on purpose: services share contracts, not classes.
 */
public final class PatientEventsV1 {

    private PatientEventsV1() {}

    /** {@code referringPartner}: the partner organisation whose referral admitted the patient (null: staff did). */
    public record PatientAdmittedV1(
            String patientId,
            Instant admittedAt,
            String status,
            String language,
            String postalCode,
            Double latitude,
            Double longitude,
            String referringPartner) {

        public static final String TYPE = "org.hearth.patient.PatientAdmitted.v1";
    }

    public record PatientStatusChangedV1(String patientId, String status) {

        public static final String TYPE = "org.hearth.patient.PatientStatusChanged.v1";
    }

    public record PatientDischargedV1(String patientId, LocalDate dischargedOn) {

        public static final String TYPE = "org.hearth.patient.PatientDischarged.v1";
    }

    public record CareTeamChangedV1(String patientId, String leadPhysician, List<Member> members) {

        public static final String TYPE = "org.hearth.patient.CareTeamChanged.v1";

        public record Member(String subject, String role) {}
    }

    public record CareCircleChangedV1(String patientId, List<Member> members) {

        public static final String TYPE = "org.hearth.patient.CareCircleChanged.v1";

        public record Member(String subject, Set<String> scopes) {}
    }

    /** A clinician outside the care team opened the record in an emergency, until {@code expiresAt}. */
    public record BreakGlassOpenedV1(
            String patientId, String grantId, String clinician, Instant openedAt, Instant expiresAt) {

        public static final String TYPE = "org.hearth.patient.BreakGlassOpened.v1";
    }

    /** The privacy officer ended a break-glass grant early. */
    public record BreakGlassRevokedV1(String patientId, String grantId) {

        public static final String TYPE = "org.hearth.patient.BreakGlassRevoked.v1";
    }
}
