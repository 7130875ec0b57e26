package org.hearth.billing.patients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hearth.platform.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A patient's billing file. {@code startOfCare} and the signed plan come from patient-service events; coverage and
 * the Medicare facts are entered by the billing clerk ({@code version} counts those writes, for If-Match).
 * {@code referringPartner} is the partner organisation whose referral admitted the patient (from PatientAdmitted).
 */
@Document(BillingFile.COLLECTION)
public record BillingFile(
        @Id String patientId,
        String tenantId,
        LocalDate startOfCare,
        Integer signedPlanVersion,
        Instant planSignedAt,
        List<Coverage> coverages,
        MedicareFacts medicare,
        long version,
        List<String> processedEventIds,
        String referringPartner)
        implements TenantOwned {

    public static final String COLLECTION = "billing_files";

    public BillingFile {
        coverages = coverages == null ? List.of() : List.copyOf(coverages);
    }

    /** The coverage billed first on {@code day}: the active primary, else the active secondary. */
    public Optional<Coverage> billedFirstOn(LocalDate day) {
        return coverages.stream().filter(c -> c.activeOn(day)).min(Comparator.comparing(Coverage::priority));
    }
}
