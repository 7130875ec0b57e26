package org.hearth.scheduling.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.planner.Plan;
import org.hearth.planner.Planner;
import org.hearth.scheduling.SchedulingSettings;
import org.hearth.scheduling.clinicians.Clinician;
import org.hearth.scheduling.geo.GeoPoint;
import org.hearth.scheduling.geo.StraightLineTravel;
import org.hearth.scheduling.patients.PatientProjection;
import org.hearth.scheduling.patients.TimeWindow;
import org.hearth.scheduling.visits.Visit;
import org.junit.jupiter.api.Test;

/**
 * The agency rules as the service maps them onto the planner, each on a small agency where breaking the rule would be
 * cheaper or is what a left-shifted schedule does by itself: visits as early as the clinician's hours allow, one trip
 * for several visits, the nearest clinician.
 */
class AgencyRulesTest {

    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final LocalDate MONDAY = LocalDate.of(2030, 1, 7);
    static final Instant NOW = Instant.parse("2030-01-06T17:00:00Z");
    static final SchedulingSettings.Planning RULES = new SchedulingSettings.Planning(
            LocalTime.of(8, 0),
            LocalTime.of(18, 0),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            LocalTime.of(11, 0),
            LocalTime.of(14, 0),
            Duration.ofHours(6),
            "en");
    static final SchedulingSettings.Planning NO_BREAKS = new SchedulingSettings.Planning(
            LocalTime.of(8, 0),
            LocalTime.of(18, 0),
            Duration.ofMinutes(5),
            Duration.ZERO,
            LocalTime.of(11, 0),
            LocalTime.of(14, 0),
            Duration.ofHours(6),
            "en");
    static final GeoPoint BASE = new GeoPoint(39.70, -89.60);
    static final GeoPoint JANE = new GeoPoint(39.7123, -89.6345);

    final List<Clinician> clinicians = new ArrayList<>();
    final List<PlanningModel.Task> tasks = new ArrayList<>();
    final Map<String, PatientProjection> others = new java.util.HashMap<>();
    List<TimeWindow> janeWindows = List.of();
    String janesLanguage = "en";
    String janesPreferredClinician;

    Clinician clinician(
            String id,
            Clinician.Discipline discipline,
            GeoPoint base,
            LocalTime from,
            LocalTime to,
            DayOfWeek... days) {
        List<Clinician.WorkingHours> hours = java.util.Arrays.stream(days)
                .map(d -> new Clinician.WorkingHours(d, from, to))
                .toList();
        Clinician c =
                new Clinician(id, id, id, discipline, Set.of(), List.of(), base, hours, 8, List.of(), true, Set.of());
        clinicians.add(c);
        return c;
    }

    Visit visit(String id, String discipline, LocalDate earliest, LocalDate latest) {
        Visit v = Visit.unscheduled(
                id, "jane", discipline, Visit.VisitType.IN_HOME, earliest, latest, 1, Visit.Needs.NONE);
        tasks.add(new PlanningModel.Task(v, 60, false));
        return v;
    }

    PlanningModel model(LocalDate to) {
        return model(to, RULES);
    }

    PlanningModel model(LocalDate to, SchedulingSettings.Planning rules) {
        PatientProjection jane = new PatientProjection(
                "jane",
                "a",
                "ACTIVE",
                janesLanguage,
                null,
                JANE.latitude(),
                JANE.longitude(),
                NOW,
                List.of(),
                List.of(),
                janeWindows,
                janesPreferredClinician,
                List.of(),
                null,
                List.of(),
                List.of());
        Map<String, PatientProjection> patients = new java.util.HashMap<>(others);
        patients.put("jane", jane);
        return new PlanningModel(
                MONDAY, to, ZONE, NOW, clinicians, tasks, patients, Map.of(), StraightLineTravel.suburban(), 2, rules);
    }

    /** Another patient at {@code home} with one visit of {@code discipline} on {@code day}. */
    Visit visitOf(String patientId, GeoPoint home, String discipline, LocalDate day) {
        others.put(
                patientId,
                new PatientProjection(
                        patientId,
                        "a",
                        "ACTIVE",
                        "en",
                        null,
                        home.latitude(),
                        home.longitude(),
                        NOW,
                        List.of(),
                        List.of(),
                        List.of(),
                        null,
                        List.of(),
                        null,
                        List.of(),
                        List.of()));
        Visit v = Visit.unscheduled(
                patientId + "-" + discipline,
                patientId,
                discipline,
                Visit.VisitType.IN_HOME,
                day,
                day,
                1,
                Visit.Needs.NONE);
        tasks.add(new PlanningModel.Task(v, 60, false));
        return v;
    }

    Clinician withLanguagesAndLimit(Clinician c, int maxVisits, String... languages) {
        Clinician changed = new Clinician(
                c.id(),
                c.subject(),
                c.name(),
                c.discipline(),
                c.skills(),
                c.certifications(),
                c.homeBase(),
                c.hours(),
                maxVisits,
                c.timeOff(),
                c.active(),
                Set.of(languages));
        clinicians.set(clinicians.indexOf(c), changed);
        return changed;
    }

    static PlanView view(PlanningModel model, Plan plan) {
        PlanningJob job = new PlanningJob("j", "a", "carla", MONDAY, MONDAY, NOW);
        job.model = model;
        job.plan = plan;
        return PlanView.of(job, StraightLineTravel.suburban());
    }

    static String clinicianOf(PlanningModel model, Plan plan, int t) {
        assertThat(plan.workerOf()[t]).as("task " + t + " planned").isNotNegative();
        return model.workers.get(plan.workerOf()[t]).clinician().id();
    }

    static Plan solve(PlanningModel model) {
        return Planner.solve(
                model.problem, Planner.Options.timeLimit(Duration.ofMillis(500)).withMaxIterations(3_000), () -> false);
    }

    static ZonedDateTime start(PlanningModel model, Plan plan, int t) {
        assertThat(plan.workerOf()[t]).as("task " + t + " planned").isNotNegative();
        return model.instantOf(plan.starts()[t]).atZone(ZONE);
    }

    @Test
    void theNurseAndTheTherapistAreNeverInOneHomeAtOnce() {
        clinician("nina", Clinician.Discipline.RN, BASE, LocalTime.of(8, 0), LocalTime.of(17, 0), DayOfWeek.MONDAY);
        clinician("pete", Clinician.Discipline.PT, BASE, LocalTime.of(8, 0), LocalTime.of(17, 0), DayOfWeek.MONDAY);
        visit("sn", "SN", MONDAY, MONDAY);
        visit("pt", "PT", MONDAY, MONDAY);
        PlanningModel model = model(MONDAY);
        Plan plan = solve(model);
        assertThat(plan.feasible()).isTrue();
        ZonedDateTime sn = start(model, plan, 0);
        ZonedDateTime pt = start(model, plan, 1);
        // both leave the same base at 08:00: left to itself each would arrive at the same minute
        assertThat(!sn.plusMinutes(60).isAfter(pt) || !pt.plusMinutes(60).isAfter(sn))
                .as("SN %s and PT %s overlap", sn, pt)
                .isTrue();
    }

    @Test
    void aWeeklyOrderGetsAtMostOneVisitOfItsDisciplineADay() {
        clinician(
                "pete",
                Clinician.Discipline.PT,
                BASE,
                LocalTime.of(8, 0),
                LocalTime.of(17, 0),
                DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY);
        LocalDate wednesday = MONDAY.plusDays(2);
        for (int i = 0; i < 3; i++) {
            visit("pt" + i, "PT", MONDAY, wednesday); // PT 3W1: one trip on Monday would be the cheapest
        }
        PlanningModel model = model(wednesday);
        Plan plan = solve(model);
        assertThat(plan.feasible()).isTrue();
        Set<LocalDate> days = new HashSet<>();
        for (int t = 0; t < 3; t++) {
            days.add(start(model, plan, t).toLocalDate());
        }
        assertThat(days).hasSize(3);
    }

    @Test
    void aWeeklyOrderIsSpreadEvenlyOverItsWeek() {
        clinician(
                "pete",
                Clinician.Discipline.PT,
                BASE,
                LocalTime.of(8, 0),
                LocalTime.of(17, 0),
                DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY);
        LocalDate friday = MONDAY.plusDays(4);
        for (int i = 0; i < 3; i++) {
            visit("pt" + i, "PT", MONDAY, friday); // PT 3W1
        }
        PlanningModel model = model(friday);
        Plan plan = solve(model);
        assertThat(plan.feasible()).isTrue();
        List<DayOfWeek> days = java.util.stream.IntStream.range(0, 3)
                .mapToObj(t -> start(model, plan, t).getDayOfWeek())
                .sorted()
                .toList();
        assertThat(days).containsExactly(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
    }

    @Test
    void aPatientsTherapyStaysWithOneTherapistAcrossTheWeek() {
        // Pete works Monday and Tuesday; Paula, a little nearer Jane, only Tuesday: Monday is Pete's either way
        clinician(
                "pete",
                Clinician.Discipline.PT,
                BASE,
                LocalTime.of(8, 0),
                LocalTime.of(17, 0),
                DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY);
        clinician(
                "paula",
                Clinician.Discipline.PT,
                new GeoPoint(39.705, -89.615),
                LocalTime.of(8, 0),
                LocalTime.of(17, 0),
                DayOfWeek.TUESDAY);
        LocalDate tuesday = MONDAY.plusDays(1);
        visit("pt0", "PT", MONDAY, tuesday);
        visit("pt1", "PT", MONDAY, tuesday);
        PlanningModel model = model(tuesday);
        assertThat(StraightLineTravel.suburban().between(new GeoPoint(39.705, -89.615), JANE))
                .as("Paula is nearer")
                .isLessThan(StraightLineTravel.suburban().between(BASE, JANE));
        Plan plan = solve(model);
        assertThat(plan.feasible()).isTrue();
        for (int t = 0; t < 2; t++) {
            assertThat(model.workers.get(plan.workerOf()[t]).clinician().id()).isEqualTo("pete");
        }
        PlanningJob job = new PlanningJob("j", "a", "carla", MONDAY, tuesday, NOW);
        job.model = model;
        job.plan = plan;
        assertThat(PlanView.of(job, StraightLineTravel.suburban()).assignments())
                .allSatisfy(a -> assertThat(a.explanation().drivers())
                        .contains("continuity of care: the same clinician for the patient's 2 PT visits in this plan"));
    }

    @Test
    void aPatientWithNoStatedWindowIsVisitedInTheAgencysDaytimeWindow() {
        // a clinician whose hours allow a visit just after midnight, the earliest and so the default start
        clinician("nina", Clinician.Discipline.RN, BASE, LocalTime.of(0, 0), LocalTime.of(23, 0), DayOfWeek.MONDAY);
        visit("sn", "SN", MONDAY, MONDAY);
        PlanningModel model = model(MONDAY);
        Plan plan = solve(model);
        assertThat(plan.feasible()).isTrue();
        ZonedDateTime sn = start(model, plan, 0);
        assertThat(sn.toLocalTime()).isAfterOrEqualTo(LocalTime.of(8, 0));
        assertThat(sn.plusMinutes(60).toLocalTime()).isBeforeOrEqualTo(LocalTime.of(18, 0));
    }

    @Test
    void plannedStartsFallOnTheAgencysFiveMinuteGrid() {
        // travel from the base is not a whole number of minutes, so a left-shifted start would carry seconds
        clinician("nina", Clinician.Discipline.RN, BASE, LocalTime.of(8, 0), LocalTime.of(17, 0), DayOfWeek.MONDAY);
        visit("sn", "SN", MONDAY, MONDAY);
        visit("pt", "PT", MONDAY, MONDAY);
        clinician(
                "pete",
                Clinician.Discipline.PT,
                new GeoPoint(39.6611, -89.5517),
                LocalTime.of(8, 0),
                LocalTime.of(17, 0),
                DayOfWeek.MONDAY);
        PlanningModel model = model(MONDAY);
        assertThat(StraightLineTravel.suburban().between(BASE, JANE).toSeconds() % 60)
                .isNotZero();
        Plan plan = solve(model);
        assertThat(plan.feasible()).isTrue();
        for (int t = 0; t < 2; t++) {
            ZonedDateTime s = start(model, plan, t);
            assertThat(s.getSecond()).isZero();
            assertThat(s.getMinute() % 5).as("start " + s).isZero();
        }
    }

    @Test
    void aPinnedBookingKeepsItsClinicianAndMinuteAndOthersAtTheHomeWaitForIt() {
        clinician(
                "nina",
                Clinician.Discipline.RN,
                new GeoPoint(39.80, -89.75),
                LocalTime.of(8, 0),
                LocalTime.of(17, 0),
                DayOfWeek.MONDAY);
        clinician("ron", Clinician.Discipline.RN, BASE, LocalTime.of(8, 0), LocalTime.of(17, 0), DayOfWeek.MONDAY);
        clinician("pete", Clinician.Discipline.PT, BASE, LocalTime.of(8, 0), LocalTime.of(17, 0), DayOfWeek.MONDAY);
        Instant ten = MONDAY.atTime(10, 2).atZone(ZONE).toInstant(); // booked by hand, off the grid
        Visit booked = Visit.unscheduled(
                        "sn", "jane", "SN", Visit.VisitType.IN_HOME, MONDAY, MONDAY, 1, Visit.Needs.NONE)
                .book(
                        new Visit.Booking("nina", ten, ten.plusSeconds(3600), null, null, 0),
                        Visit.VisitType.IN_HOME,
                        "carla",
                        NOW)
                .result();
        tasks.add(new PlanningModel.Task(booked, 60, true));
        // Jane is home 09:30-13:00: the PT, left to itself, would start at 09:30, inside the booked hour
        janeWindows = List.of(new TimeWindow(DayOfWeek.MONDAY, LocalTime.of(9, 30), LocalTime.of(13, 0)));
        visit("pt", "PT", MONDAY, MONDAY);
        PlanningModel model = model(MONDAY);
        Plan plan = solve(model);
        assertThat(plan.feasible()).isTrue();
        assertThat(model.workers.get(plan.workerOf()[0]).clinician().id())
                .as("Ron is nearer, Nina is booked")
                .isEqualTo("nina");
        assertThat(start(model, plan, 0).toInstant()).isEqualTo(ten);
        ZonedDateTime pt = start(model, plan, 1);
        assertThat(!pt.plusMinutes(60).toInstant().isAfter(ten)
                        || !pt.toInstant().isBefore(ten.plusSeconds(3600)))
                .as("PT %s overlaps the booked SN", pt)
                .isTrue();
    }

    /** Six patients a few minutes apart, one SN visit each on Monday: a nurse 08:00-17:00 could go back to back. */
    PlanningModel aFullMondayForNina(SchedulingSettings.Planning rules) {
        clinician("nina", Clinician.Discipline.RN, BASE, LocalTime.of(8, 0), LocalTime.of(17, 0), DayOfWeek.MONDAY);
        for (int i = 0; i < 6; i++) {
            visitOf("p" + i, new GeoPoint(39.70 + 0.004 * i, -89.61), "SN", MONDAY);
        }
        return model(MONDAY, rules);
    }

    /** When Nina's day leaves a half hour free starting between 11:00 and 13:30 (travel counted), else null. */
    static LocalTime lunch(PlanningModel model, Plan plan) {
        List<Integer> route = java.util.Arrays.stream(plan.routes()[0])
                .boxed()
                .sorted(java.util.Comparator.comparingDouble(t -> plan.starts()[t]))
                .toList();
        for (int i = 0; i + 1 < route.size(); i++) {
            int a = route.get(i);
            int b = route.get(i + 1);
            ZonedDateTime free = start(model, plan, a)
                    .plusMinutes(60)
                    .plus(StraightLineTravel.suburban().between(model.taskPoint[a], model.taskPoint[b]));
            ZonedDateTime from =
                    free.toLocalTime().isBefore(LocalTime.of(11, 0)) ? free.with(LocalTime.of(11, 0)) : free;
            if (!from.toLocalTime().isAfter(LocalTime.of(13, 30))
                    && !from.plusMinutes(30).isAfter(start(model, plan, b))) {
                return from.toLocalTime();
            }
        }
        return null;
    }

    @Test
    void aClinicianOnALongDayGetsHerLunchBreak() {
        PlanningModel without = aFullMondayForNina(NO_BREAKS);
        Plan backToBack = solve(without);
        assertThat(backToBack.feasible()).isTrue();
        assertThat(lunch(without, backToBack))
                .as("without breaks the six visits run back to back")
                .isNull();

        clinicians.clear();
        tasks.clear();
        PlanningModel model = aFullMondayForNina(RULES);
        Plan plan = solve(model);
        assertThat(plan.feasible()).isTrue();
        assertThat(lunch(model, plan)).isNotNull();
        assertThat(view(model, plan).breakdown().hard()).isEmpty();
    }

    @Test
    void aClinicianNeverTakesMoreVisitsThanHerDailyMaximum() {
        Clinician nina = clinician(
                "nina", Clinician.Discipline.RN, BASE, LocalTime.of(8, 0), LocalTime.of(17, 0), DayOfWeek.MONDAY);
        clinician(
                "ron",
                Clinician.Discipline.RN,
                new GeoPoint(39.80, -89.75),
                LocalTime.of(8, 0),
                LocalTime.of(17, 0),
                DayOfWeek.MONDAY);
        for (int i = 0; i < 3; i++) {
            visitOf("p" + i, new GeoPoint(39.70 + 0.004 * i, -89.61), "SN", MONDAY);
        }
        Plan nearest = solve(model(MONDAY));
        assertThat(nearest.routes()[0])
                .as("Nina, nearer, takes all three without a limit")
                .hasSize(3);

        withLanguagesAndLimit(nina, 2);
        PlanningModel model = model(MONDAY);
        Plan plan = solve(model);
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.routes()[0]).hasSize(2);
        assertThat(plan.routes()[1]).hasSize(1);
    }

    /** Nina lives nearer Jane than Rosa does; both RNs, Monday. */
    void ninaNearerThanRosa() {
        clinician(
                "nina",
                Clinician.Discipline.RN,
                new GeoPoint(39.705, -89.615),
                LocalTime.of(8, 0),
                LocalTime.of(17, 0),
                DayOfWeek.MONDAY);
        clinician("rosa", Clinician.Discipline.RN, BASE, LocalTime.of(8, 0), LocalTime.of(17, 0), DayOfWeek.MONDAY);
        assertThat(StraightLineTravel.suburban().between(new GeoPoint(39.705, -89.615), JANE))
                .isLessThan(StraightLineTravel.suburban().between(BASE, JANE));
        visit("sn", "SN", MONDAY, MONDAY);
    }

    @Test
    void aClinicianWhoSpeaksThePatientsLanguageIsPreferred() {
        ninaNearerThanRosa();
        janesLanguage = "es";
        PlanningModel model = model(MONDAY);
        Plan plan = solve(model);
        assertThat(clinicianOf(model, plan, 0))
                .as("nobody on file speaks Spanish: the nearer")
                .isEqualTo("nina");
        assertThat(view(model, plan).breakdown().soft()).containsEntry("language", PlanningModel.NO_COMMON_LANGUAGE);

        withLanguagesAndLimit(clinicians.get(1), 8, "en", "es-MX");
        model = model(MONDAY);
        plan = solve(model);
        assertThat(plan.feasible()).isTrue();
        assertThat(clinicianOf(model, plan, 0)).isEqualTo("rosa");
        PlanView view = view(model, plan);
        assertThat(view.breakdown().soft()).doesNotContainKey("language").containsKey("travel");
        assertThat(view.assignments().get(0).explanation().drivers()).contains("speaks the patient's language (es)");
    }

    @Test
    void thePatientsPreferredClinicianIsChosenOverANearerOne() {
        ninaNearerThanRosa();
        PlanningModel nearest = model(MONDAY);
        assertThat(clinicianOf(nearest, solve(nearest), 0)).isEqualTo("nina");

        janesPreferredClinician = "rosa";
        PlanningModel model = model(MONDAY);
        Plan plan = solve(model);
        assertThat(clinicianOf(model, plan, 0)).isEqualTo("rosa");
        assertThat(view(model, plan).breakdown().soft()).doesNotContainKey("preferredClinician");
    }

    @Test
    void aBookingTheJobMayMoveStaysUnlessMovingIsClearlyBetter() {
        ninaNearerThanRosa();
        tasks.clear();
        Instant ten = MONDAY.atTime(10, 0).atZone(ZONE).toInstant();
        Visit booked = Visit.unscheduled(
                        "sn", "jane", "SN", Visit.VisitType.IN_HOME, MONDAY, MONDAY, 1, Visit.Needs.NONE)
                .book(
                        new Visit.Booking("rosa", ten, ten.plusSeconds(3600), null, null, 0),
                        Visit.VisitType.IN_HOME,
                        "carla",
                        NOW)
                .result();
        tasks.add(new PlanningModel.Task(booked, 60, false)); // not pinned: the job may move bookings
        PlanningModel model = model(MONDAY);
        Plan plan = solve(model);
        assertThat(clinicianOf(model, plan, 0))
                .as("Nina is nearer, Rosa is booked")
                .isEqualTo("rosa");
        PlanView view = view(model, plan);
        assertThat(view.breakdown().soft()).doesNotContainKey("stability");
        assertThat(view.assignments().get(0).explanation().drivers())
                .contains("kept with its booked clinician and day (stability); the time moves to fit the route");
    }
}
