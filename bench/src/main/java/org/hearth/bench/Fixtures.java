package org.hearth.bench;

/** Request bodies the benchmarks use to set up realistic data through the public API. */
public final class Fixtures {

    private Fixtures() {}

    public static final String ASSESSMENT = """
            {"baseline":[{"vital":"SYSTOLIC_BP","value":148,"unit":"mm[Hg]"},{"vital":"HEART_RATE","value":78}],
             "medicalHistory":"CHF, type 2 diabetes",
             "functional":[{"activity":"BATHING","level":"NEEDS_ASSISTANCE"},{"activity":"DRESSING","level":"INDEPENDENT"},
               {"activity":"TOILETING","level":"INDEPENDENT"},{"activity":"TRANSFERRING","level":"INDEPENDENT"},
               {"activity":"AMBULATION","level":"NEEDS_ASSISTANCE"},{"activity":"FEEDING","level":"INDEPENDENT"}],
             "homeSafety":[{"item":"LOOSE_RUGS","status":"HAZARD","finding":"hall runner","action":"remove runner"},
               {"item":"GRAB_BARS","status":"OK"},{"item":"LIGHTING","status":"OK"},{"item":"STAIRS_AND_RAILINGS","status":"OK"},
               {"item":"SMOKE_DETECTORS","status":"OK"},{"item":"CARBON_MONOXIDE_DETECTOR","status":"OK"},
               {"item":"CLUTTER_AND_PATHWAYS","status":"OK"},{"item":"BATHROOM_SAFETY","status":"OK"},
               {"item":"FIRE_EXTINGUISHER","status":"OK"},{"item":"EMERGENCY_NUMBERS_POSTED","status":"OK"},
               {"item":"PETS","status":"NOT_APPLICABLE"},{"item":"OXYGEN_SAFETY","status":"NOT_APPLICABLE"}],
             "goals":["Walk to the mailbox by Christmas"]}""";

    public static final String PLAN = """
            {"problems":[{"description":"Heart failure, fluid overload risk","goals":[{"description":"Stable weight",
               "measure":"gain under 1 kg a week","targetDate":"2099-01-15"}]},
              {"description":"Fall risk","goals":[{"description":"No falls","measure":"zero falls","targetDate":"2099-01-15"}]}],
             "interventions":["Daily weights","Teach low-salt diet","Gait training with walker"],
             "medications":[{"name":"Furosemide","dose":"40 mg","route":"ORAL","times":["08:00"],"start":"2026-11-20"},
               {"name":"Metformin","dose":"500 mg","route":"ORAL","times":["08:00","18:00"],"start":"2026-01-10"}],
             "diet":["2 g sodium","Consistent carbohydrate"],
             "equipment":[{"item":"walker","status":"DELIVERED"},{"item":"shower chair","status":"ORDERED"}],
             "communityServices":["meal delivery"],"frequency":"SN 3W1, 2W4, 2 PRN, PT 2W4, OT 1W2"}""";
}
