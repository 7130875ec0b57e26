package org.hearth.patient.resources;

import java.time.Instant;
import org.hearth.platform.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One resource an agency offers caregivers; {@code url} is http(s) only, so a link can never run script. */
@Document("caregiver_resources")
record CaregiverResource(
        @Id String id,
        String tenantId,
        Category category,
        String title,
        String description,
        String contact,
        String url,
        String addedBy,
        Instant addedAt)
        implements TenantOwned {

    enum Category {
        RESPITE,
        SUPPORT_GROUP,
        EDUCATION
    }
}
