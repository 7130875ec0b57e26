package org.hearth.platform.events;

/**
 * A past-tense fact a domain object returns when its state changes. Plain Java: the domain never calls
 * Kafka, the outbox publishes what it returns. Its JSON form is the event body, so it must hold only
 * ids, codes, dates and counts (minimum PHI on the wire).
 */
public interface DomainEvent {

    /** CloudEvents {@code type}, e.g. {@code org.hearth.patient.PatientAdmitted.v1}; matches a schema in contracts/events. */
    String eventType();

    /** CloudEvents {@code subject} and Kafka key: the patient id, so one patient's events stay ordered. */
    String subject();

    /**
     * The CloudEvents type of an event named after its record: {@code org.hearth.<service>.<RecordName>.v1}. Services
     * whose events share one sealed interface derive it here, so no event can be published under a mistyped name.
     */
    static String typeOf(String service, Class<? extends DomainEvent> event) {
        return "org.hearth." + service + "." + event.getSimpleName() + ".v1";
    }
}
