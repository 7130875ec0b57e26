package org.hearth.infra.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sunrise Home Health and Jane Doe, as the story goes: discharged from hospital after heart failure, referred by
 * the hospital's system, accepted and admitted by Carla, assessed at home by Nina, a plan drafted by Carla and
 * signed by Dr. Patel ("SN 2W4, PT 3W2"), her daughter Fran in the care circle, Medicare Advantage coverage.
 */
final class Sunrise {

    static final String AGENCY = "Sunrise Home Health";
    static final String COORDINATOR = "carla.coordinator";
    static final String PHYSICIAN = "dr.patel";
    static final String NURSE = "nina.nurse";
    static final String BILLING = "bill.billing";
    static final String DAUGHTER = "fran.family";
    static final String PARTNER = "sunrise-partner";
    static final String PARTNER_SECRET = "sunrise-partner-secret";
    /** Dr. Patel's NPI in the demo: a number that passes the NPI check digit, issued to nobody. */
    static final String PATEL_NPI = "1234567893";

    static final String MEDICARE_ADVANTAGE = "Prairie Medicare Advantage";

    static final List<Person> STAFF = List.of(
            Person.clinician(COORDINATOR, "Carla Coordinator", "COORDINATOR", null),
            Person.clinician(PHYSICIAN, "Dr. Priya Patel", "PHYSICIAN", null),
            Person.clinician(NURSE, "Nina Nurse", "NURSE", "RN"),
            Person.clinician("pete.therapist", "Pete Therapist", "PHYSICAL_THERAPIST", "PT"),
            Person.clinician("olivia.ot", "Olivia Ortiz", "OCCUPATIONAL_THERAPIST", "OT"),
            Person.clinician("dana.dietitian", "Dana Diaz", "DIETITIAN", "DIETITIAN"),
            Person.clinician("sam.social", "Sam Silva", "SOCIAL_WORKER", "SOCIAL_WORKER"),
            Person.staff(BILLING, "Bill Billing"),
            Person.staff("alice.admin", "Alice Admin"));

    static final List<CaregiverResources.Resource> CAREGIVER_RESOURCES = List.of(
            new CaregiverResources.Resource(
                    "RESPITE",
                    "Weekend respite care",
                    "A home health aide stays with your relative for up to 48 hours so you can rest. Ask your "
                            + "coordinator two weeks ahead.",
                    "Carla at Sunrise, +1 217 555 0199",
                    null),
            new CaregiverResources.Resource(
                    "SUPPORT_GROUP",
                    "Caregivers' circle",
                    "Family caregivers meet every Thursday at 6 pm in the Lincoln Library, room 2, or by phone.",
                    "+1 217 555 0142",
                    "https://sunrise-home-health.example/caregivers-circle"),
            new CaregiverResources.Resource(
                    "EDUCATION",
                    "Living with heart failure",
                    "Daily weights, low-salt meals and the warning signs that need a call to the nurse.",
                    null,
                    "https://sunrise-home-health.example/learn/heart-failure"),
            new CaregiverResources.Resource(
                    "EDUCATION",
                    "Safe transfers at home",
                    "A short course by our physical therapists: moving from bed to chair without strain.",
                    null,
                    "https://sunrise-home-health.example/learn/transfers"));

    static final Admission.Prospect JANE = new Admission.Prospect(
            "Jane",
            "Doe",
            "1948-03-14",
            Map.of(
                    "givenName",
                    "Jane",
                    "familyName",
                    "Doe",
                    "birthDate",
                    "1948-03-14",
                    "phone",
                    "+1 217 555 0100",
                    "language",
                    "en",
                    "address",
                    Map.of(
                            "line1",
                            "12 Elm Street",
                            "city",
                            "Springfield",
                            "state",
                            "IL",
                            "postalCode",
                            "62701",
                            "latitude",
                            39.7990,
                            "longitude",
                            -89.6440)));

    private final HearthApi api;
    private final Tokens tokens;
    private final Ledger ledger;
    private final LocalDate today;
    private final Duration patience;

    Sunrise(HearthApi api, Tokens tokens, Ledger ledger, LocalDate today, Duration patience) {
        this.api = api;
        this.tokens = tokens;
        this.ledger = ledger;
        this.today = today;
        this.patience = patience;
    }

    /** Loads the agency and answers Jane's patient id. */
    String load() {
        ledger.agency(AGENCY);
        String carla = tokens.of(COORDINATOR);
        String bill = tokens.of(BILLING);
        Map<String, String> payers = new Payers(api, ledger)
                .ensure(
                        bill,
                        List.of(
                                new Payers.Payer("Medicare Part A", "MEDICARE", "MEDICARE-A-JM", List.of(), 365),
                                new Payers.Payer(
                                        MEDICARE_ADVANTAGE,
                                        "COMMERCIAL",
                                        "PRAIRIE-MA",
                                        List.of("SN", "PT", "OT"),
                                        90)));
        new Roster(api, tokens, ledger).ensure(COORDINATOR, STAFF, 39.7817, -89.6501);
        new CaregiverResources(api, ledger).ensure(carla, CAREGIVER_RESOURCES);

        LocalDate discharged = today.minusDays(1);
        String jane = new Admission(api, ledger)
                .viaReferral(
                        tokens.ofClient(PARTNER, PARTNER_SECRET),
                        carla,
                        JANE,
                        referral(discharged),
                        "demo-referral-jane-doe-" + discharged);

        BillingSetup billing = new BillingSetup(api, ledger, jane, patience);
        billing.awaitFile(bill);
        // coverage before the plan is signed: billing drafts prior authorizations from the signed plan and the payer
        String coverage = billing.coverage(
                bill,
                List.of(Map.of(
                        "payerId",
                        payers.get(MEDICARE_ADVANTAGE),
                        "memberId",
                        "A-JDOE-0314",
                        "plan",
                        "Prairie Advantage Gold",
                        "priority",
                        "PRIMARY",
                        "from",
                        today.withDayOfYear(1).toString())));
        billing.medicareFacts(
                bill,
                Map.of(
                        "homebound",
                        true,
                        "homeboundReason",
                        "Leaves home only for medical appointments, with a walker and her daughter's help",
                        "faceToFaceOn",
                        discharged.toString(),
                        "certifyingPhysicianNpi",
                        PATEL_NPI));
        billing.eligibility(bill, coverage);

        CareRecord record = new CareRecord(api, ledger, jane);
        record.clinicalProfile(carla, SunriseCare.clinicalProfile());
        record.careTeam(carla, careTeam());
        record.careCircle(
                carla,
                List.of(
                        Map.of(
                                "subject",
                                tokens.subjectOf(DAUGHTER),
                                "displayName",
                                "Fran Doe",
                                "relationship",
                                "daughter",
                                "pointOfContact",
                                true,
                                "scopes",
                                List.of("SCHEDULE", "CARE_PLAN_SUMMARY", "MESSAGES", "VITALS", "ACCESS_LOG")),
                        Map.of(
                                "displayName",
                                "Tom Doe",
                                "relationship",
                                "son",
                                "pointOfContact",
                                false,
                                "scopes",
                                List.of())));
        record.assessment(tokens.of(NURSE), SunriseCare.assessment());
        record.signedPlan(carla, tokens.of(PHYSICIAN), SunriseCare.carePlan(today));
        return jane;
    }

    private Map<String, Object> referral(LocalDate discharged) {
        return Map.of(
                "source",
                "HOSPITAL_DISCHARGE",
                "referringPhysician",
                Map.of("name", "Dr. Priya Patel", "npi", PATEL_NPI),
                "reason",
                "Home after 5 days in hospital for heart failure; wound on the left shin; unsteady after a fall",
                "diagnoses",
                SunriseCare.diagnoses(),
                "requestedDisciplines",
                List.of("SN", "PT", "OT", "RD", "MSW"),
                "dischargeDate",
                discharged.toString(),
                "complexity",
                "HIGH",
                "patient",
                JANE.details());
    }

    private List<Map<String, Object>> careTeam() {
        List<Map<String, Object>> members = new ArrayList<>();
        for (Person person : STAFF) {
            if (person.careTeamRole() != null) {
                members.add(Map.of(
                        "subject",
                        tokens.subjectOf(person.username()),
                        "role",
                        person.careTeamRole(),
                        "displayName",
                        person.name(),
                        "lead",
                        PHYSICIAN.equals(person.username())));
            }
        }
        return members;
    }
}
