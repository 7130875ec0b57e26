package org.hearth.scheduling.patients;

import org.hearth.platform.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/** What scheduling knows of a patient: enough to plan visits and routes, no name or street. */
@Document(PatientProjection.COLLECTION)
public record PatientProjection(@Id String patientId, String tenantId, String status, String language,
        String postalCode, Double latitude, Double longitude, Instant admittedAt, List<String> processedEventIds)
        implements TenantOwned {

    public static final String COLLECTION = "patients";
}
