package org.hearth.messaging.messages;

import org.hearth.messaging.crypto.Sealed;
import org.hearth.platform.events.OutboxEntry;
import org.hearth.platform.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A message as stored: the body only encrypted, earlier versions kept (encrypted) when the author edits or deletes,
 * receipts, and for an urgent message whom it is for, who backs them up, and when it was acknowledged or escalated.
 *
 * @param author a token subject, or {@code system} for notices from events
 */
@Document(Message.COLLECTION)
public record Message(@Id String id, String tenantId, String threadId, String patientId, String author, Sealed body,
        Instant sentAt, Instant editedAt, boolean deleted, List<Revision> revisions, List<Receipt> readBy,
        Urgent urgent, List<String> attachmentIds, long version, List<OutboxEntry> outbox) implements TenantOwned {

    public static final String COLLECTION = "messages";
    public static final String SYSTEM = "system";

    public record Revision(Sealed body, Instant replacedAt, String change) {
    }

    public record Receipt(String subject, Instant at) {
    }

    public record Urgent(String recipient, String backup, Instant dueAt, Instant acknowledgedAt, String acknowledgedBy,
            Instant escalatedAt) {
    }

    public Message {
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
        readBy = readBy == null ? List.of() : List.copyOf(readBy);
        attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
    }
}
