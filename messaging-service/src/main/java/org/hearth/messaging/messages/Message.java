package org.hearth.messaging.messages;

import java.time.Instant;
import java.util.List;
import org.hearth.messaging.crypto.Sealed;
import org.hearth.platform.events.OutboxEntry;
import org.hearth.platform.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A message as stored: the body only encrypted, earlier versions kept (encrypted) when the author edits or deletes,
 * receipts, and for an urgent message whom it is for, who backs them up, and when it was acknowledged or escalated.
 *
 * @param author a token subject, or {@code system} for notices from events
 */
@Document(Message.COLLECTION)
public record Message(
        @Id String id,
        String tenantId,
        String threadId,
        String patientId,
        String author,
        Sealed body,
        Instant sentAt,
        Instant editedAt,
        boolean deleted,
        List<Revision> revisions,
        List<Receipt> readBy,
        Urgent urgent,
        List<String> attachmentIds,
        long version,
        List<OutboxEntry> outbox,
        Source source,
        Notice notice)
        implements TenantOwned {

    public static final String COLLECTION = "messages";
    public static final String SYSTEM = "system";

    public record Revision(Sealed body, Instant replacedAt, String change) {}

    public record Receipt(String subject, Instant at) {}

    /**
     * @param dueAt when messaging's own clock escalates it; {@code null} for a notice whose source keeps the clock (an
     *              alert: patient-service owns its acknowledgement and escalation)
     * @param closedAt when its source was closed (an alert resolved): nobody needs to act any more
     */
    public record Urgent(
            String recipient,
            String backup,
            Instant dueAt,
            Instant acknowledgedAt,
            String acknowledgedBy,
            Instant escalatedAt,
            Instant closedAt) {}

    /**
     * What a notice was posted for, in clear (ids only, no PHI) so operators can join notices with their sources:
     * e.g. {@code {type: "AlertRaised", ref: <alertId>, eventId: <ce_id>}}. Null for messages people write. (Not
     * {@code id}: Spring Data would store a nested {@code id} as {@code _id}.)
     */
    public record Source(String type, String ref, String eventId) {

        public static final String ALERT = "AlertRaised";
        public static final String VISIT_MISSED = "VisitMissed";
    }

    /**
     * The facts of a notice to the family, so each reader's screen words it in their language (the body is the English
     * wording staff read): a plan version signed, or a visit booked, moved or cancelled. {@code scope} is the consent
     * a family member needs to read it (CARE_PLAN_SUMMARY or SCHEDULE); staff always read it. Null for other messages.
     *
     * @param kind PLAN_SIGNED, VISIT_SCHEDULED, VISIT_RESCHEDULED or VISIT_CANCELLED
     * @param at   when the visit starts (for a move: its new start), or when the plan was signed
     */
    public record Notice(
            String kind, String scope, String discipline, Instant at, Instant previousAt, Integer planVersion) {}

    /** An urgent item whose clock is its source's (an alert's): messaging never escalates it itself. */
    public boolean isAlertNotice() {
        return source != null && Source.ALERT.equals(source.type());
    }

    public Message {
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
        readBy = readBy == null ? List.of() : List.copyOf(readBy);
        attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
    }
}
