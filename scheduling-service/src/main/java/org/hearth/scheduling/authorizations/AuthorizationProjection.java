package org.hearth.scheduling.authorizations;

import java.time.LocalDate;
import java.util.List;
import org.hearth.platform.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One prior authorization as billing last reported it; units used are counted from scheduling's own visits. */
@Document("authorizations")
record AuthorizationProjection(
        @Id String authorizationId,
        String tenantId,
        String patientId,
        String discipline,
        String status,
        String unit,
        Integer approvedUnits,
        LocalDate from,
        LocalDate to,
        List<String> processedEventIds)
        implements TenantOwned {

    AuthorizationGrant grant() {
        return new AuthorizationGrant(
                authorizationId,
                discipline,
                status,
                "UNIT_15_MINUTES".equals(unit) ? UnitRule.PER_15_MINUTES : UnitRule.PER_VISIT,
                approvedUnits == null ? 0 : approvedUnits,
                from,
                to);
    }
}
