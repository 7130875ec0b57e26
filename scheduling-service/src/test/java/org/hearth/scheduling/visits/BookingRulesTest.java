package org.hearth.scheduling.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.platform.problem.RuleViolation;
import org.hearth.scheduling.authorizations.AuthorizationGrant;
import org.hearth.scheduling.authorizations.UnitRule;
import org.hearth.scheduling.clinicians.Clinician;
import org.hearth.scheduling.clinicians.Clinician.Discipline;
import org.hearth.scheduling.geo.GeoPoint;
import org.hearth.scheduling.geo.StraightLineTravel;
import org.hearth.scheduling.patients.TimeWindow;
import org.hearth.scheduling.visits.BookingRules.Neighbour;
import org.hearth.scheduling.visits.BookingRules.Outcome;
import org.hearth.scheduling.visits.BookingRules.PatientFacts;
import org.hearth.scheduling.visits.BookingRules.Proposal;
import org.hearth.scheduling.visits.Visit.VisitType;
import org.junit.jupiter.api.Test;

class BookingRulesTest {

    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    static final GeoPoint HOME = new GeoPoint(39.7817, -89.6501);
    /** About 20 km east of the patient: 20 km × 1.3 at 40 km/h ≈ 39 min + 5 min door to door. */
    static final GeoPoint FAR = new GeoPoint(39.7817, -89.4166);

    final BookingRules rules = new BookingRules(StraightLineTravel.suburban(), ZONE);

    static Clinician nurse(Discipline discipline, LocalDate blsExpires) {
        return new Clinician(
                "c1",
                "nina-sub",
                "Nina Nurse",
                discipline,
                Set.of("wound-care"),
                List.of(new Clinician.Certification("BLS", blsExpires)),
                HOME,
                List.of(new Clinician.WorkingHours(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(16, 0))),
                3,
                List.of(),
                true,
                Set.of());
    }

    static Clinician nina() {
        return nurse(Discipline.RN, LocalDate.of(2027, 3, 31));
    }

    static Visit visit(LocalDate weekFrom, Set<String> skills, Set<String> certifications) {
        return Visit.unscheduled(
                "v1",
                "p1",
                "SN",
                VisitType.IN_HOME,
                weekFrom,
                weekFrom.plusDays(6),
                1,
                new Visit.Needs(skills, certifications));
    }

    static Visit woundCareVisit() {
        return visit(LocalDate.of(2026, 11, 29), Set.of("wound-care"), Set.of("BLS"));
    }

    static Instant at(int hour, int minute) {
        return LocalDateTime.of(MONDAY, LocalTime.of(hour, minute)).atZone(ZONE).toInstant();
    }

    static Proposal tenToEleven(Clinician clinician) {
        return new Proposal(clinician, at(10, 0), at(11, 0), VisitType.IN_HOME);
    }

    static PatientFacts activeAtHome() {
        return new PatientFacts("ACTIVE", HOME, List.of());
    }

    Outcome check(Visit visit, Proposal proposal, PatientFacts patient, List<Neighbour> day) {
        return rules.check(visit, proposal, patient, day, List.of(), Map.of());
    }

    static List<String> rulesOf(Outcome outcome) {
        return outcome.violations().stream().map(RuleViolation::rule).toList();
    }

    @Test
    void acceptsABookingThatBreaksNoRule() {
        Outcome outcome = check(woundCareVisit(), tenToEleven(nina()), activeAtHome(), List.of());
        assertThat(outcome.violations()).isEmpty();
        assertThat(outcome.allowed()).isTrue();
        assertThat(outcome.authorizationId()).isNull();
    }

    @Test
    void rejectsAPatientWhoIsNotActive() {
        Outcome outcome =
                check(woundCareVisit(), tenToEleven(nina()), new PatientFacts("ON_HOLD", HOME, List.of()), List.of());
        assertThat(rulesOf(outcome)).containsExactly("PATIENT_NOT_ACTIVE");
        assertThat(outcome.violations().get(0).message()).contains("on hold");
    }

    @Test
    void rejectsAClinicianOfAnotherDiscipline() {
        Outcome outcome = check(
                woundCareVisit(),
                tenToEleven(nurse(Discipline.PT, LocalDate.of(2027, 3, 31))),
                activeAtHome(),
                List.of());
        assertThat(rulesOf(outcome)).containsExactly("DISCIPLINE_MISMATCH");
        assertThat(outcome.violations().get(0).message()).contains("[LPN, RN]");
    }

    @Test
    void acceptsAnLpnForSkilledNursing() {
        assertThat(check(
                                woundCareVisit(),
                                tenToEleven(nurse(Discipline.LPN, LocalDate.of(2027, 3, 31))),
                                activeAtHome(),
                                List.of())
                        .violations())
                .isEmpty();
    }

    @Test
    void rejectsAClinicianWithoutTheSkill() {
        Visit ivVisit = visit(LocalDate.of(2026, 11, 29), Set.of("wound-care", "iv-therapy"), Set.of());
        Outcome outcome = check(ivVisit, tenToEleven(nina()), activeAtHome(), List.of());
        assertThat(rulesOf(outcome)).containsExactly("SKILL_MISSING");
        assertThat(outcome.violations().get(0).message()).contains("iv-therapy").doesNotContain("wound-care");
    }

    @Test
    void rejectsACertificationThatExpiredBeforeTheVisitDay() {
        Outcome outcome = check(
                woundCareVisit(), tenToEleven(nurse(Discipline.RN, MONDAY.minusDays(1))), activeAtHome(), List.of());
        assertThat(rulesOf(outcome)).containsExactly("CERTIFICATION_INVALID");
    }

    @Test
    void acceptsACertificationValidThroughTheVisitDay() {
        assertThat(check(woundCareVisit(), tenToEleven(nurse(Discipline.RN, MONDAY)), activeAtHome(), List.of())
                        .violations())
                .isEmpty();
    }

    @Test
    void rejectsATimeOutsideWorkingHours() {
        Proposal late = new Proposal(nina(), at(15, 30), at(16, 30), VisitType.IN_HOME);
        assertThat(rulesOf(check(woundCareVisit(), late, activeAtHome(), List.of())))
                .containsExactly("CLINICIAN_UNAVAILABLE");
    }

    @Test
    void rejectsAFourthVisitWhenTheDailyLimitIsThree() {
        List<Neighbour> three = List.of(
                new Neighbour("a", at(8, 0), at(8, 30), HOME),
                new Neighbour("b", at(12, 0), at(12, 30), HOME),
                new Neighbour("c", at(13, 0), at(13, 30), HOME));
        assertThat(rulesOf(check(woundCareVisit(), tenToEleven(nina()), activeAtHome(), three)))
                .containsExactly("DAILY_LIMIT");
    }

    @Test
    void rejectsAnOverlapWithAnotherVisit() {
        Outcome outcome = check(
                woundCareVisit(),
                tenToEleven(nina()),
                activeAtHome(),
                List.of(new Neighbour("a", at(10, 30), at(11, 30), HOME)));
        assertThat(rulesOf(outcome)).containsExactly("OVERLAP");
        assertThat(outcome.violations().get(0).message()).contains("10:30-11:30");
    }

    @Test
    void rejectsTooLittleTravelTimeAfterTheVisitBefore() {
        Outcome outcome = check(
                woundCareVisit(),
                tenToEleven(nina()),
                activeAtHome(),
                List.of(new Neighbour("a", at(9, 0), at(9, 50), FAR)));
        assertThat(rulesOf(outcome)).containsExactly("TRAVEL_TIME");
        assertThat(outcome.violations().get(0).message()).contains("after the visit ending 09:50", "start at 10:3");
    }

    @Test
    void rejectsTooLittleTravelTimeBeforeTheVisitAfter() {
        Outcome outcome = check(
                woundCareVisit(),
                tenToEleven(nina()),
                activeAtHome(),
                List.of(new Neighbour("a", at(11, 15), at(12, 0), FAR)));
        assertThat(rulesOf(outcome)).containsExactly("TRAVEL_TIME");
        assertThat(outcome.violations().get(0).message()).contains("to the visit starting 11:15");
    }

    @Test
    void acceptsEnoughTravelTimeBetweenFarVisits() {
        assertThat(check(
                                woundCareVisit(),
                                tenToEleven(nina()),
                                activeAtHome(),
                                List.of(
                                        new Neighbour("a", at(8, 0), at(9, 0), FAR),
                                        new Neighbour("b", at(12, 0), at(13, 0), FAR)))
                        .violations())
                .isEmpty();
    }

    @Test
    void aTelehealthVisitNeedsNoTravel() {
        Proposal video = new Proposal(nina(), at(10, 0), at(11, 0), VisitType.TELEHEALTH);
        assertThat(check(woundCareVisit(), video, activeAtHome(), List.of(new Neighbour("a", at(9, 0), at(9, 55), FAR)))
                        .violations())
                .isEmpty();
    }

    @Test
    void rejectsADayOutsideTheOrderedWeek() {
        Visit nextWeek = visit(LocalDate.of(2026, 12, 6), Set.of(), Set.of());
        Outcome outcome = check(nextWeek, tenToEleven(nina()), activeAtHome(), List.of());
        assertThat(rulesOf(outcome)).containsExactly("OUTSIDE_ORDERED_WEEK");
        assertThat(outcome.violations().get(0).message()).contains("2026-12-06 and 2026-12-12");
    }

    @Test
    void rejectsATimeOutsideThePatientsWindows() {
        PatientFacts afternoons = new PatientFacts(
                "ACTIVE", HOME, List.of(new TimeWindow(DayOfWeek.MONDAY, LocalTime.of(13, 0), LocalTime.of(16, 0))));
        Outcome outcome = check(woundCareVisit(), tenToEleven(nina()), afternoons, List.of());
        assertThat(rulesOf(outcome)).containsExactly("OUTSIDE_PATIENT_WINDOW");
        assertThat(outcome.violations().get(0).message()).contains("13:00-16:00");
    }

    @Test
    void rejectsABookingWhenTheRequiredAuthorizationIsOnlyPending() {
        var pending = new AuthorizationGrant("auth-1", "SN", "PENDING", UnitRule.PER_VISIT, 0, null, null);
        Outcome outcome = rules.check(
                woundCareVisit(), tenToEleven(nina()), activeAtHome(), List.of(), List.of(pending), Map.of());
        assertThat(rulesOf(outcome)).containsExactly("AUTHORIZATION_MISSING");
    }

    @Test
    void rejectsAVisitBeyondAuthorizedUnits() {
        var approved = new AuthorizationGrant(
                "auth-1", "SN", "APPROVED", UnitRule.PER_VISIT, 4, MONDAY.minusDays(10), MONDAY.plusDays(50));
        Outcome outcome = rules.check(
                woundCareVisit(),
                tenToEleven(nina()),
                activeAtHome(),
                List.of(),
                List.of(approved),
                Map.of("auth-1", 4));
        assertThat(rulesOf(outcome)).containsExactly("AUTHORIZED_UNITS_EXHAUSTED");
        assertThat(outcome.violations().get(0).message()).contains("0 authorized unit(s) remain");
    }

    @Test
    void consumesUnitsOfAnApprovedAuthorizationCountedPerQuarterHour() {
        var approved = new AuthorizationGrant(
                "auth-2", "SN", "PARTIALLY_APPROVED", UnitRule.PER_15_MINUTES, 10, MONDAY, MONDAY.plusDays(30));
        Outcome outcome = rules.check(
                woundCareVisit(),
                tenToEleven(nina()),
                activeAtHome(),
                List.of(),
                List.of(approved),
                Map.of("auth-2", 6));
        assertThat(outcome.violations()).isEmpty();
        assertThat(outcome.authorizationId()).isEqualTo("auth-2");
        assertThat(outcome.units()).isEqualTo(4);
    }

    @Test
    void listsEveryBrokenRuleInOneAnswer() {
        Visit demanding = visit(LocalDate.of(2026, 12, 6), Set.of("iv-therapy"), Set.of("BLS"));
        Clinician therapist = nurse(Discipline.PT, MONDAY.minusDays(1));
        Proposal lateAndLong = new Proposal(therapist, at(15, 0), at(16, 30), VisitType.IN_HOME);
        PatientFacts onHoldMornings = new PatientFacts(
                "ON_HOLD", HOME, List.of(new TimeWindow(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(12, 0))));
        List<Neighbour> busy = new ArrayList<>(List.of(
                new Neighbour("a", at(8, 0), at(8, 30), HOME),
                new Neighbour("b", at(14, 0), at(14, 45), FAR),
                new Neighbour("c", at(16, 0), at(17, 0), HOME)));
        var exhausted =
                new AuthorizationGrant("auth-1", "SN", "APPROVED", UnitRule.PER_VISIT, 2, MONDAY, MONDAY.plusDays(9));

        Outcome outcome =
                rules.check(demanding, lateAndLong, onHoldMornings, busy, List.of(exhausted), Map.of("auth-1", 2));

        assertThat(rulesOf(outcome))
                .containsExactlyInAnyOrder(
                        "PATIENT_NOT_ACTIVE",
                        "DISCIPLINE_MISMATCH",
                        "SKILL_MISSING",
                        "CERTIFICATION_INVALID",
                        "CLINICIAN_UNAVAILABLE",
                        "DAILY_LIMIT",
                        "OVERLAP",
                        "TRAVEL_TIME",
                        "OUTSIDE_ORDERED_WEEK",
                        "OUTSIDE_PATIENT_WINDOW",
                        "AUTHORIZED_UNITS_EXHAUSTED");
        assertThat(outcome.allowed()).isFalse();
    }
}
