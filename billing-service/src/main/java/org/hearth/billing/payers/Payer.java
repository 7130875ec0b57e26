package org.hearth.billing.payers;

import java.util.Objects;
import java.util.Set;

/**
 * A payer and the rules the agency bills it under.
 *
 * @param payerCode the payer id clearinghouses route X12 transactions by (e.g. CMS's "MEDICARE-A-JM")
 * @param priorAuthorization plan-of-care disciplines (SN, PT, …) that need prior authorization
 * @param timelyFilingDays days after the visit within which a claim must be filed
 */
public record Payer(
        String id,
        String name,
        PayerType type,
        String payerCode,
        Set<String> priorAuthorization,
        Unit unit,
        int timelyFilingDays) {

    public enum PayerType {
        MEDICARE,
        MEDICAID,
        COMMERCIAL
    }

    /** How the payer counts care: one unit per visit, or one per 15 minutes. */
    public enum Unit {
        VISIT,
        UNIT_15_MINUTES
    }

    public static final Set<String> DISCIPLINES = Set.of("SN", "PT", "OT", "ST", "MSW", "HHA", "RD");

    public Payer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(unit, "unit");
        priorAuthorization = Set.copyOf(priorAuthorization);
        if (!DISCIPLINES.containsAll(priorAuthorization)) {
            throw new IllegalArgumentException("priorAuthorization: disciplines are SN, PT, OT, ST, MSW, HHA and RD");
        }
        if (timelyFilingDays < 1 || timelyFilingDays > 730) {
            throw new IllegalArgumentException("timelyFilingDays: must be 1 to 730");
        }
    }

    public boolean requiresAuthorization(String discipline) {
        return priorAuthorization.contains(discipline);
    }
}
