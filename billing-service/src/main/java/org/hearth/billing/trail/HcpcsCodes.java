package org.hearth.billing.trail;

import java.util.Map;

/**
 * The HCPCS level II code billed for a home health visit of each discipline, per 15 minutes of service (CMS home
 * health claims, revenue codes 042x-058x). Skilled nursing uses G0299 (RN); dietitian visits are not a Medicare
 * home health discipline and are billed to other payers as S9470 (nutritional counselling, dietitian visit).
 */
public final class HcpcsCodes {

    static final Map<String, String> BY_DISCIPLINE = Map.of(
            "SN", "G0299",
            "PT", "G0151",
            "OT", "G0152",
            "ST", "G0153",
            "MSW", "G0155",
            "HHA", "G0156",
            "RD", "S9470");

    private HcpcsCodes() {}

    public static String of(String discipline) {
        String code = BY_DISCIPLINE.get(discipline);
        if (code == null) {
            throw new IllegalArgumentException("no HCPCS code for discipline " + discipline);
        }
        return code;
    }
}
