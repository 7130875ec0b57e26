package org.hearth.scheduling.sharing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.hearth.platform.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Scheduling's copy of a sharing grant of patient-service, kept as the patient's agency's document ({@code tenantId}
 * is the owner, from the event's agency); {@code granteeAlias} at the top is what the other agency's lookup filters
 * on. A revocation may be applied before its grant (it only sets {@code revokedAt}), so the order of arrival never
 * revives a grant.
 */
@Document(SharedGrant.COLLECTION)
public record SharedGrant(
        @Id String grantId,
        String tenantId,
        String granteeAlias,
        String patientId,
        Set<String> parts,
        LocalDate from,
        LocalDate until,
        Instant revokedAt,
        List<String> processedEventIds)
        implements TenantOwned {

    public static final String COLLECTION = "sharing_grants";
    public static final String VISITS = "VISITS";

    public SharedGrant {
        parts = parts == null ? Set.of() : Set.copyOf(parts);
        processedEventIds = processedEventIds == null ? List.of() : List.copyOf(processedEventIds);
    }

    /** In force on {@code day} (the agencies' zone, both ends included), not revoked, and naming the visits. */
    public boolean sharesVisitsOn(LocalDate day) {
        return revokedAt == null
                && granteeAlias != null
                && from != null
                && until != null
                && !day.isBefore(from)
                && !day.isAfter(until)
                && parts.contains(VISITS);
    }
}
