package org.hearth.messaging.notices;

import java.time.Instant;
import java.util.List;
import org.hearth.platform.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What patient-service said about one alert after raising it (acknowledged, resolved, escalated), kept whether or not
 * the alert's notice is posted yet: the notice and these facts meet in {@link AlertNotices#reconcile}, in either
 * order. The alert itself lives in patient-service; this is messaging's memory of its signals.
 */
@Document(AlertSignal.COLLECTION)
record AlertSignal(
        @Id String alertId,
        String tenantId,
        String patientId,
        String acknowledgedBy,
        Instant acknowledgedAt,
        String resolvedBy,
        Instant resolvedAt,
        List<Escalation> escalations,
        List<String> processedEventIds)
        implements TenantOwned {

    static final String COLLECTION = "alert_signals";

    /** @param page the people to page (named by the event, or resolved from the circle), or a role queue */
    record Escalation(int level, String escalatedTo, List<String> page, Instant escalatedAt) {

        Escalation {
            page = page == null ? List.of() : List.copyOf(page);
        }
    }

    AlertSignal {
        escalations = escalations == null ? List.of() : List.copyOf(escalations);
    }

    /** Acknowledged or resolved in the chart or the API: nobody needs paging any more. */
    boolean ended() {
        return acknowledgedAt != null || resolvedAt != null;
    }
}
