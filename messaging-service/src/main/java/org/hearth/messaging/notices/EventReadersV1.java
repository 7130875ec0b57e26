package org.hearth.messaging.notices;

import java.time.Instant;

/** Messaging's tolerant readers of the events it turns into threads and notices (contracts/events). */
final class EventReadersV1 {

    private EventReadersV1() {}

    record PatientAdmitted(String patientId, Instant admittedAt) {
        static final String TYPE = "org.hearth.patient.PatientAdmitted.v1";
    }

    record CareTeamChanged(String patientId, String leadPhysician, java.util.List<Member> members) {
        static final String TYPE = "org.hearth.patient.CareTeamChanged.v1";

        record Member(String subject, String role) {}
    }

    record CareCircleChanged(String patientId, java.util.List<Member> members) {
        static final String TYPE = "org.hearth.patient.CareCircleChanged.v1";

        record Member(String subject, java.util.Set<String> scopes) {}
    }

    record AlertRaised(String patientId, String alertId, String rule, String severity, String owner) {
        static final String TYPE = "org.hearth.patient.AlertRaised.v1";
    }

    /** @param recipients the agency's privacy officers and the lead physician, named by patient-service */
    record BreakGlassOpened(String patientId, String grantId, Instant expiresAt, java.util.List<String> recipients) {
        static final String TYPE = "org.hearth.patient.BreakGlassOpened.v1";
    }

    record AlertAcknowledged(String patientId, String alertId, String acknowledgedBy, Instant acknowledgedAt) {
        static final String TYPE = "org.hearth.patient.AlertAcknowledged.v1";
    }

    record AlertResolved(String patientId, String alertId, String resolvedBy, Instant resolvedAt) {
        static final String TYPE = "org.hearth.patient.AlertResolved.v1";
    }

    /** @param recipients whom to page, resolved by patient-service when it escalated (optional: older producers) */
    record AlertEscalated(
            String patientId,
            String alertId,
            int level,
            String escalatedTo,
            java.util.List<String> recipients,
            Instant escalatedAt) {
        static final String TYPE = "org.hearth.patient.AlertEscalated.v1";
    }

    /** A visit booked, moved or cancelled: a live CHANGE for screens, and a notice to the family in its thread. */
    record VisitScheduled(String visitId, String patientId, String discipline, Instant start) {
        static final String TYPE = "org.hearth.scheduling.VisitScheduled.v1";
    }

    record VisitRescheduled(String visitId, String patientId, String discipline, Instant start, Instant previousStart) {
        static final String TYPE = "org.hearth.scheduling.VisitRescheduled.v1";
    }

    record VisitCancelled(String visitId, String patientId, String discipline, Instant scheduledStart) {
        static final String TYPE = "org.hearth.scheduling.VisitCancelled.v1";
    }

    /** A plan version signed: the family is told the plan changed (what it says, they read in the portal). */
    record CarePlanSigned(String patientId, int planVersion, Integer supersedesVersion, Instant signedAt) {
        static final String TYPE = "org.hearth.patient.CarePlanSigned.v1";
    }

    record VisitMissed(String visitId, String patientId, String discipline, Instant scheduledStart, String reason) {
        static final String TYPE = "org.hearth.scheduling.VisitMissed.v1";
    }

    record AuthorizationUnitsLow(String authorizationId, String patientId, String discipline, int unitsRemaining) {
        static final String TYPE = "org.hearth.billing.AuthorizationUnitsLow.v1";
    }

    record AuthorizationStatusChanged(String authorizationId, String patientId, String status) {
        static final String TYPE = "org.hearth.billing.AuthorizationStatusChanged.v1";
    }

    record BillableLineReady(String lineId, String patientId) {
        static final String TYPE = "org.hearth.billing.BillableLineReady.v1";
    }

    record BillableLineOnHold(String lineId, String patientId) {
        static final String TYPE = "org.hearth.billing.BillableLineOnHold.v1";
    }
}
