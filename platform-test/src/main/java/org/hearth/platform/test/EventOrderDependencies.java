package org.hearth.platform.test;

/**
 * The catalog's section on cross-topic order: Kafka orders one patient's events within a topic (key = patient id),
 * never across topics, so every consumer that needs state made from another topic is listed here with how it copes.
 * Kept apart from {@link EventCatalog}'s template so that either can change without touching the other; update it
 * when a consumer gains or loses such a dependency.
 */
final class EventOrderDependencies {

    private EventOrderDependencies() {}

    static final String SECTION = """

            ## Cross-topic order dependencies

            Within a topic one patient's events arrive in order (key = patient id); across topics nothing is ordered.
            Every case where a consumer needs state built from another topic, and what it does when that state is not
            there yet:

            | consumer | event (topic) | needs (built from) | when it is missing |
            |---|---|---|---|
            | messaging-service | `AlertRaised` (`hearth.patient.alerts`) | care-team thread (`PatientAdmitted`), owner's backup (`CareTeamChanged`) | opens the patient's threads itself (ids derive from the patient: idempotent); the owner is in the event; a role-queue owner's coordinators are paged from `pending_notices` once known; the backup is named by `AlertEscalated` when it escalates |
            | messaging-service | `AlertAcknowledged`, `AlertResolved`, `AlertEscalated` (`hearth.patient.alerts`) | the alert's notice (`AlertRaised`) | same topic and key, so normally after it; stored in `alert_signals` first and applied to the notice whenever both exist, in either order |
            | messaging-service | `AlertEscalated` naming no `recipients` (`hearth.patient.alerts`) | coordinators of the patient or the agency (`CareTeamChanged`) | WARN line; pages the patient's coordinators, else every coordinator of the agency's known care teams, else waits in `pending_notices` for the patient's coordinator (patient-service names the people itself, so this is the fallback) |
            | messaging-service | `VisitMissed` (`hearth.scheduling.events`) | care-team thread, coordinators and SCHEDULE family (`PatientAdmitted`, `CareTeamChanged`, `CareCircleChanged`) | opens the thread and posts the notice; the deliveries wait in `pending_notices` until the coordinators are known (completed by the next team/circle change, or the one-minute sweep) |
            | messaging-service | `AuthorizationUnitsLow` (`hearth.billing.events`) | coordinators (`CareTeamChanged`) | waits in `pending_notices` as above |
            | messaging-service | `VisitScheduled`, `VisitRescheduled`, `VisitCancelled` (`hearth.scheduling.events`) | care team and SCHEDULE family (`hearth.patient.events`) | skipped: a live "reload" signal only; before the team is known nobody shows that schedule, and screens opened later load it themselves |
            | patient-service | `UrgentAcknowledged` (`hearth.messaging.events`) | the alert (its own data, written before `AlertRaised` is published) | cannot be missing; an alert already acknowledged or resolved is left as it is |
            | scheduling-service | `AuthorizationStatusChanged` (`hearth.billing.events`) | nothing (own projection keyed by authorization) | booking rules read the projection at booking time: a booking before it arrives is refused (`AUTHORIZATION_MISSING`), never stored wrongly |
            | scheduling-service | `CarePlanSigned`, `CareTeamChanged`, `CareCircleChanged` (`hearth.patient.events`) | patient projection (`PatientAdmitted`) | same topic and key as admission: ordered |
            | billing-service | `VisitCompleted` (`hearth.scheduling.events`) | billing file and signed plan (`PatientAdmitted`, `CarePlanSigned` on `hearth.patient.events`), coverage and authorizations (own, by the clerk) | the line is stored on hold (`NO_COVERAGE`, `UNSIGNED_PLAN`, `AUTHORIZATION_MISSING`); each `PatientAdmitted` or `CarePlanSigned` (every delivery), coverage write and authorization approval re-evaluates the patient's held lines by the same rules, and a line that now passes becomes ready with one `BillableLineReady` (versioned write: once across replicas); business holds (`AUTHORIZATION_EXHAUSTED`, `EVV_EXCEPTION`) stay; a sweep (15 min) catches the rest |
            | billing-service | `EvvExceptionRecorded` (`hearth.scheduling.events`) | the billable line (`VisitCompleted`) | same topic and key: ordered; the exception is also stored and applied when the line is made later |
            """;
}
