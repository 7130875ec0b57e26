package org.hearth.messaging.live;

import java.time.Instant;
import org.hearth.platform.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Something for one person: a new message, an urgent item, a notice. Carries ids and a kind only; the client fetches
 * the message through the API, where access is checked again.
 *
 * @param seq the person's sequence number: the SSE event id
 * @param kind MESSAGE, URGENT, ESCALATED, ACKNOWLEDGED, NOTICE (mailed to the absent) or CHANGE (live only)
 * @param notice for a NOTICE, a code such as {@code visit-missed} (never text about the patient)
 */
@Document(Delivery.COLLECTION)
public record Delivery(
        @Id String id,
        String tenantId,
        String recipient,
        long seq,
        String kind,
        String threadId,
        String messageId,
        String patientId,
        String notice,
        Instant at)
        implements TenantOwned {

    public static final String COLLECTION = "deliveries";
}
