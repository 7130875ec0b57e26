package org.hearth.infra.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Jane's clinical content: diagnoses, the assessment Nina writes at the first visit, the plan of care. */
final class SunriseCare {

    private static final List<String> SAFETY_ITEMS = List.of(
            "LOOSE_RUGS",
            "GRAB_BARS",
            "LIGHTING",
            "STAIRS_AND_RAILINGS",
            "SMOKE_DETECTORS",
            "CARBON_MONOXIDE_DETECTOR",
            "CLUTTER_AND_PATHWAYS",
            "BATHROOM_SAFETY",
            "FIRE_EXTINGUISHER",
            "EMERGENCY_NUMBERS_POSTED",
            "PETS",
            "OXYGEN_SAFETY");

    private SunriseCare() {}

    static List<Map<String, Object>> diagnoses() {
        return List.of(
                Map.of("code", "I50.9", "description", "Heart failure, unspecified", "primary", true),
                Map.of("code", "I10", "description", "Essential (primary) hypertension", "primary", false),
                Map.of(
                        "code",
                        "S81.812D",
                        "description",
                        "Laceration of left lower leg, subsequent encounter",
                        "primary",
                        false));
    }

    static Map<String, Object> clinicalProfile() {
        return Map.of(
                "homebound",
                Map.of(
                        "homebound",
                        true,
                        "reason",
                        "Short of breath after 10 metres; leaves home only with a walker and help"),
                "diagnoses",
                diagnoses(),
                "allergies",
                List.of(Map.of("substance", "Penicillin", "reaction", "Rash", "severity", "MODERATE")));
    }

    static Map<String, Object> assessment() {
        List<Map<String, Object>> safety = SAFETY_ITEMS.stream()
                .map(item -> switch (item) {
                    case "LOOSE_RUGS" ->
                        Map.<String, Object>of(
                                "item",
                                item,
                                "status",
                                "HAZARD",
                                "finding",
                                "Runner in the hallway",
                                "action",
                                "Remove the hall runner");
                    case "GRAB_BARS" ->
                        Map.<String, Object>of(
                                "item",
                                item,
                                "status",
                                "HAZARD",
                                "finding",
                                "No grab bar by the tub",
                                "action",
                                "Order a grab bar and a shower chair");
                    case "PETS", "OXYGEN_SAFETY" -> Map.<String, Object>of("item", item, "status", "NOT_APPLICABLE");
                    default -> Map.<String, Object>of("item", item, "status", "OK");
                })
                .toList();
        return Map.of(
                "baseline",
                        List.of(
                                vital("SYSTOLIC_BP", 138, "mm[Hg]"),
                                vital("DIASTOLIC_BP", 84, "mm[Hg]"),
                                vital("HEART_RATE", 78, "/min"),
                                vital("WEIGHT", 71.5, "kg"),
                                vital("SPO2", 95, "%")),
                "medicalHistory", "Heart failure with reduced ejection fraction; hypertension; fall at home last month",
                "functional",
                        List.of(
                                adl("BATHING", "NEEDS_ASSISTANCE"),
                                adl("DRESSING", "NEEDS_ASSISTANCE"),
                                adl("TOILETING", "INDEPENDENT"),
                                adl("TRANSFERRING", "NEEDS_ASSISTANCE"),
                                adl("AMBULATION", "NEEDS_ASSISTANCE"),
                                adl("FEEDING", "INDEPENDENT")),
                "homeSafety", safety,
                "goals", List.of("Walk to the mailbox on my own", "Stay out of hospital"));
    }

    static Map<String, Object> carePlan(LocalDate today) {
        return Map.of(
                "problems",
                        List.of(
                                Map.of(
                                        "description",
                                        "Fluid overload risk (heart failure)",
                                        "goals",
                                        List.of(Map.of(
                                                "description",
                                                "Weight stays within 2 kg of 71.5 kg",
                                                "measure",
                                                "daily weight",
                                                "targetDate",
                                                today.plusWeeks(4).toString()))),
                                Map.of(
                                        "description",
                                        "Impaired mobility after a fall",
                                        "goals",
                                        List.of(Map.of(
                                                "description",
                                                "Walks 50 metres with a walker",
                                                "measure",
                                                "6-minute walk test",
                                                "targetDate",
                                                today.plusWeeks(2).toString()))),
                                Map.of(
                                        "description",
                                        "Wound on the left shin",
                                        "goals",
                                        List.of(Map.of(
                                                "description",
                                                "Wound closed",
                                                "measure",
                                                "wound size in cm",
                                                "targetDate",
                                                today.plusWeeks(4).toString())))),
                "interventions",
                        List.of(
                                "Teach daily weights and when to call",
                                "Wound care twice a week",
                                "Gait and balance training",
                                "Review medications at each nursing visit"),
                "medications",
                        List.of(
                                Map.of(
                                        "name",
                                        "Furosemide",
                                        "dose",
                                        "40 mg",
                                        "route",
                                        "ORAL",
                                        "times",
                                        List.of("08:00"),
                                        "start",
                                        today.toString()),
                                Map.of(
                                        "name",
                                        "Lisinopril",
                                        "dose",
                                        "10 mg",
                                        "route",
                                        "ORAL",
                                        "times",
                                        List.of("08:00"),
                                        "start",
                                        today.toString())),
                "diet", List.of("Sodium under 2 g a day", "Fluids under 1.5 L a day"),
                "equipment",
                        List.of(
                                Map.of("item", "Hospital bed", "status", "ORDERED"),
                                Map.of("item", "Walker", "status", "IN_USE"),
                                Map.of("item", "Blood pressure monitor", "status", "DELIVERED")),
                "communityServices", List.of("Meal delivery (Meals on Wheels), weekdays"),
                "frequency", "SN 2W4, PT 3W2");
    }

    private static Map<String, Object> vital(String vital, double value, String unit) {
        return Map.of("vital", vital, "value", value, "unit", unit);
    }

    private static Map<String, Object> adl(String activity, String level) {
        return Map.of("activity", activity, "level", level);
    }
}
