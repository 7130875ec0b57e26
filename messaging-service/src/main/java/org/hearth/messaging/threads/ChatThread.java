package org.hearth.messaging.threads;

import java.time.Instant;
import java.util.List;
import org.hearth.messaging.crypto.Sealed;
import org.hearth.platform.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A conversation. {@code members} lists who was added explicitly (staff who joined a family thread, the two people
 * of a direct thread, a huddle's attendees); care-team and care-circle members come from the patient's circle.
 */
@Document(ChatThread.COLLECTION)
public record ChatThread(
        @Id String id,
        String tenantId,
        Kind kind,
        String patientId,
        List<String> members,
        Huddle huddle,
        Instant createdAt,
        String createdBy,
        long version)
        implements TenantOwned {

    public static final String COLLECTION = "threads";

    public enum Kind {
        CARE_TEAM,
        FAMILY,
        DIRECT,
        HUDDLE
    }

    /** A huddle's agenda (encrypted: it is free text), when it meets, and what it decided. */
    public record Huddle(Sealed agenda, Instant meetsAt, List<Decision> decisions) {}

    /** A recorded decision (encrypted), optionally pointing at the care plan version it led to. */
    public record Decision(String id, Sealed text, Integer carePlanVersion, String recordedBy, Instant recordedAt) {}

    public ChatThread {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
