package org.hearth.messaging;

import java.time.Instant;
import org.hearth.platform.events.DomainEvent;

/**
 * What messaging publishes on {@code hearth.messaging.events} (schemas: contracts/events/messaging.*.v1.json): ids,
 * kinds, flags and times. Never a message's text, an attachment or a name.
 */
public final class MessagingEvents {

    public static final String TOPIC = "hearth.messaging.events";

    private MessagingEvents() {}

    /** Keyed by the patient (so a patient's events stay ordered); a direct thread has no patient and uses its id. */
    public sealed interface MessagingEvent extends DomainEvent {

        String threadId();

        String patientId();

        @Override
        default String eventType() {
            return DomainEvent.typeOf("messaging", getClass());
        }

        @Override
        default String subject() {
            return patientId() != null ? patientId() : threadId();
        }
    }

    public record MessagePosted(
            String messageId,
            String threadId,
            String patientId,
            String threadKind,
            boolean urgent,
            boolean system,
            int attachments,
            Instant postedAt)
            implements MessagingEvent {}

    /** @param alertId the alert whose notice this urgent item is (patient-service then acknowledges it), else null */
    public record UrgentAcknowledged(
            String messageId,
            String threadId,
            String patientId,
            String acknowledgedBy,
            Instant acknowledgedAt,
            boolean afterEscalation,
            String alertId)
            implements MessagingEvent {}

    public record UrgentEscalated(
            String messageId,
            String threadId,
            String patientId,
            String recipient,
            String escalatedTo,
            Instant dueAt,
            Instant escalatedAt)
            implements MessagingEvent {}
}
