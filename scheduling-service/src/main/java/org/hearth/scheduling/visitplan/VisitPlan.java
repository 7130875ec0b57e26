package org.hearth.scheduling.visitplan;

import java.util.List;
import org.hearth.platform.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The visit requirements of one patient and the plan version they follow. */
@Document("visit_plans")
public record VisitPlan(
        @Id String patientId,
        String tenantId,
        int planVersion,
        List<VisitRequirement> requirements,
        List<String> processedEventIds)
        implements TenantOwned {}
