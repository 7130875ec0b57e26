package org.hearth.scheduling.planning;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.planner.PlanningProblem;
import org.hearth.scheduling.SchedulingSettings;
import org.hearth.scheduling.clinicians.Clinician;
import org.hearth.scheduling.geo.GeoPoint;
import org.hearth.scheduling.geo.TravelTimeEstimator;
import org.hearth.scheduling.patients.PatientProjection;
import org.hearth.scheduling.patients.TimeWindow;
import org.hearth.scheduling.visits.Visit;

/**
 * Hearth's side of the mapping table in {@code org.hearth.planner}: a worker is a clinician on one day of the range
 * (shift = that day's working hours, no time off); a task is a visit to plan; a clinician qualifies for a task by
 * discipline, skills and certifications valid that day, on a day inside the visit's ordered week, within the
 * patient's window for that weekday. Minutes count from the range's first midnight in the agency's zone.
 * Hard, on top: a clinician's break on a long day (the agency's break window). Soft costs, each reported by name in
 * the plan's breakdown: travel minutes, a clinician new to the patient ("newToPatient"), not the patient's preferred
 * clinician ("preferredClinician"), a clinician who does not speak the patient's language ("language"), unbalanced
 * days ("balance"), and moving a visit that was already booked ("stability").
 */
final class PlanningModel {

    static final double NEW_TO_PATIENT = 20;
    static final double NOT_PREFERRED = 30;
    static final double MOVED = 45;
    static final double PINNED_MOVE = 10_000;
    static final double SPREAD = 30;
    static final double SPLIT_CARE = 25;
    static final double NO_COMMON_LANGUAGE = 40;

    /** A worker: one clinician's day. */
    record Worker(Clinician clinician, LocalDate day) {}

    /** A task: one visit; {@code booked} is true when the visit already has a booking the plan may keep or move. */
    record Task(Visit visit, int minutes, boolean pinned) {}

    final List<Worker> workers = new ArrayList<>();
    final List<Task> tasks = new ArrayList<>();
    final Instant origin;
    final ZoneId zone;
    final PlanningProblem problem;
    final Map<String, Integer> taskIndex = new HashMap<>();
    /** Per task, why no worker qualified (when none did). */
    final Map<String, String> unplannable = new LinkedHashMap<>();
    /** Visits left out before planning (e.g. no authorized units), with the reason. */
    final Map<String, String> excluded = new LinkedHashMap<>();

    final int[] initialWorker;
    final GeoPoint[] taskPoint;
    final int[] alternatives;
    final Map<String, Set<String>> seenBy;
    final Map<String, PatientProjection> patients;
    private final SchedulingSettings.Planning rules;

    PlanningModel(
            LocalDate from,
            LocalDate to,
            ZoneId zone,
            Instant now,
            List<Clinician> clinicians,
            List<Task> candidates,
            Map<String, PatientProjection> patients,
            Map<String, Set<String>> seenBy,
            TravelTimeEstimator travel,
            double balanceWeight,
            SchedulingSettings.Planning rules) {
        this.rules = rules;
        this.zone = zone;
        this.origin = from.atStartOfDay(zone).toInstant();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (Clinician c : clinicians) {
                if (c.active() && worksOn(c, day)) {
                    workers.add(new Worker(c, day));
                }
            }
        }
        tasks.addAll(candidates);
        for (int t = 0; t < tasks.size(); t++) {
            taskIndex.put(tasks.get(t).visit().id(), t);
        }
        List<GeoPoint> places = new ArrayList<>();
        Map<GeoPoint, Integer> placeIndex = new HashMap<>();
        java.util.function.Function<GeoPoint, Integer> place = g -> g == null
                ? PlanningProblem.NO_LOCATION
                : placeIndex.computeIfAbsent(g, k -> {
                    places.add(k);
                    return places.size() - 1;
                });
        int[] workerBase = workers.stream()
                .mapToInt(w -> place.apply(w.clinician().homeBase()))
                .toArray();
        this.seenBy = seenBy;
        this.patients = patients;
        taskPoint = new GeoPoint[tasks.size()];
        alternatives = new int[tasks.size()];
        int[] taskPlace = new int[tasks.size()];
        for (int t = 0; t < tasks.size(); t++) {
            Visit v = tasks.get(t).visit();
            PatientProjection patient = patients.get(v.patientId());
            taskPoint[t] = v.type() == Visit.VisitType.TELEHEALTH || patient == null ? null : patient.home();
            taskPlace[t] = place.apply(taskPoint[t]);
        }
        double[][] minutes = new double[places.size()][places.size()];
        for (int a = 0; a < places.size(); a++) {
            for (int b = 0; b < places.size(); b++) {
                minutes[a][b] = a == b
                        ? 0
                        : travel.between(places.get(a), places.get(b)).toSeconds() / 60.0;
            }
        }
        PlanningProblem.Builder b = PlanningProblem.builder(workers.size(), tasks.size(), minutes)
                .weights(new PlanningProblem.Weights(1, 1, 1, balanceWeight))
                .grid(rules.grid().toMinutes());
        // Agency rules: one visit at a time in a home; one visit per discipline per patient per day.
        Map<String, Integer> orderGroups = new HashMap<>();
        for (int t = 0; t < tasks.size(); t++) {
            Visit v = tasks.get(t).visit();
            if (taskPlace[t] != PlanningProblem.NO_LOCATION) {
                b.home(t, taskPlace[t]);
            }
            int group = orderGroups.computeIfAbsent(v.patientId() + "/" + v.discipline(), k -> orderGroups.size());
            b.oncePerDay(t, group);
            b.continuity(t, group, SPLIT_CARE); // continuity of care inside the plan: one clinician per discipline
        }
        spreadWeeklyOrders(b, from, to);
        double nowMinute = minutesOf(now);
        Map<String, Integer> clinicianIndex = new HashMap<>();
        for (int w = 0; w < workers.size(); w++) {
            Worker worker = workers.get(w);
            Clinician.WorkingHours hours = hoursOn(worker.clinician(), worker.day());
            double start = minutesOf(worker.day().atTime(hours.start()));
            double end = minutesOf(worker.day().atTime(hours.end()));
            b.worker(
                    w,
                    workerBase[w],
                    workerBase[w],
                    Math.max(start, nowMinute + 15),
                    end,
                    worker.clinician().maxVisitsPerDay());
            b.workerDay(w, (int) worker.day().toEpochDay());
            b.workerPerson(w, clinicianIndex.computeIfAbsent(worker.clinician().id(), k -> clinicianIndex.size()));
            double[] lunch = breakOn(hours, worker.day());
            if (lunch != null) {
                b.breakTime(w, rules.breakLength().toMinutes(), lunch[0], lunch[1]);
            }
        }
        initialWorker = new int[tasks.size()];
        java.util.Arrays.fill(initialWorker, -1);
        for (int t = 0; t < tasks.size(); t++) {
            Task task = tasks.get(t);
            Visit v = task.visit();
            b.location(t, taskPlace[t]);
            PatientProjection patient = patients.get(v.patientId());
            int qualifiedWorkers = 0;
            String firstReason = "no clinician of " + v.discipline() + " works inside the ordered dates";
            for (int w = 0; w < workers.size(); w++) {
                Worker worker = workers.get(w);
                String reason = refusal(task, worker, patient);
                if (reason != null) {
                    firstReason = reason;
                    continue;
                }
                double[] window = window(task, worker, patient);
                if (window == null) {
                    firstReason = "the patient's windows and the clinicians' hours never meet";
                    continue;
                }
                qualifiedWorkers++;
                b.task(t, w, task.minutes(), window[0], window[1], window[1]);
                if (!seenBy.getOrDefault(v.patientId(), Set.of())
                        .contains(worker.clinician().id())) {
                    b.preference(t, w, "newToPatient", NEW_TO_PATIENT);
                }
                if (patient != null
                        && patient.preferredClinicianId() != null
                        && !patient.preferredClinicianId()
                                .equals(worker.clinician().id())) {
                    b.preference(t, w, "preferredClinician", NOT_PREFERRED);
                }
                if (!speaksWith(worker.clinician(), patient)) {
                    b.preference(t, w, "language", NO_COMMON_LANGUAGE);
                }
                if (v.booking() != null && !bookedOn(v, worker)) {
                    b.preference(t, w, "stability", task.pinned() ? PINNED_MOVE : MOVED);
                }
                if (v.booking() != null && bookedOn(v, worker)) {
                    initialWorker[t] = w;
                }
            }
            alternatives[t] = qualifiedWorkers;
            if (qualifiedWorkers == 0) {
                unplannable.put(v.id(), firstReason);
            }
        }
        for (int t = 0; t < tasks.size(); t++) {
            Visit.Pairing pairing = tasks.get(t).visit().pairing();
            Integer partner = pairing == null ? null : taskIndex.get(pairing.partnerVisitId());
            if (partner != null && pairing.leads()) {
                b.synchronize(t, partner, pairing.minGapMinutes(), pairing.maxGapMinutes());
            }
        }
        for (int t = 0; t < tasks.size(); t++) {
            if (tasks.get(t).pinned() && initialWorker[t] >= 0) {
                b.pin(t, initialWorker[t]);
            }
        }
        this.problem = b.build();
    }

    /**
     * Soft: the visits of one weekly order (same patient, discipline and ordered week) spread evenly over the days
     * of that week inside the range, e.g. three visits in Monday to Friday on Monday, Wednesday and Friday. Each two of
     * them closer than the even gap cost {@link #SPREAD} per day short.
     */
    private void spreadWeeklyOrders(PlanningProblem.Builder b, LocalDate from, LocalDate to) {
        Map<String, List<Integer>> orders = new LinkedHashMap<>();
        for (int t = 0; t < tasks.size(); t++) {
            Visit v = tasks.get(t).visit();
            if (v.earliest() != null && v.latest() != null && v.pairing() == null) {
                orders.computeIfAbsent(
                                v.patientId() + "/" + v.discipline() + "/" + v.earliest() + "/" + v.latest(),
                                k -> new ArrayList<>())
                        .add(t);
            }
        }
        int group = 0;
        for (List<Integer> order : orders.values()) {
            if (order.size() < 2) {
                continue;
            }
            Visit v = tasks.get(order.get(0)).visit();
            LocalDate first = v.earliest().isAfter(from) ? v.earliest() : from;
            LocalDate last = v.latest().isBefore(to) ? v.latest() : to;
            double days = Math.max(0, last.toEpochDay() - first.toEpochDay());
            double gap = days / (order.size() - 1);
            for (int t : order) {
                b.spread(t, group, gap, SPREAD);
            }
            group++;
        }
    }

    /** Whether the clinician speaks the patient's language (true when the patient's language is not on file). */
    boolean speaksWith(Clinician c, PatientProjection patient) {
        return patient == null
                || patient.language() == null
                || patient.language().isBlank()
                || c.speaks(patient.language(), rules.agencyLanguage());
    }

    /** Whether {@code language} is the agency's own (a clinician with no languages on file speaks it). */
    boolean isAgencyLanguage(String language) {
        return Clinician.sameLanguage(language, rules.agencyLanguage());
    }

    /**
     * The earliest and latest start of a clinician's break on a day whose hours are longer than the agency's
     * threshold: the agency's break window inside the hours; null for a short day, breaks off, or no room.
     */
    private double[] breakOn(Clinician.WorkingHours hours, LocalDate day) {
        Duration length = rules.breakLength();
        if (length.isZero() || Duration.between(hours.start(), hours.end()).compareTo(rules.breakAfter()) <= 0) {
            return null;
        }
        LocalTime from = hours.start().isAfter(rules.breakWindowStart()) ? hours.start() : rules.breakWindowStart();
        LocalTime to = hours.end().isBefore(rules.breakWindowEnd()) ? hours.end() : rules.breakWindowEnd();
        if (Duration.between(from, to).compareTo(length) < 0) {
            return null;
        }
        return new double[] {minutesOf(day.atTime(from)), minutesOf(day.atTime(to.minus(length)))};
    }

    Instant instantOf(double minute) {
        return origin.plusSeconds(Math.round(minute * 60));
    }

    private double minutesOf(Instant instant) {
        return Duration.between(origin, instant).toSeconds() / 60.0;
    }

    private double minutesOf(LocalDateTime local) {
        return minutesOf(local.atZone(zone).toInstant());
    }

    private boolean bookedOn(Visit v, Worker worker) {
        return v.booking().clinicianId().equals(worker.clinician().id())
                && LocalDate.ofInstant(v.booking().start(), zone).equals(worker.day());
    }

    /** Why this clinician-day cannot take the visit, or null if it can. */
    private static String refusal(Task task, Worker worker, PatientProjection patient) {
        Visit v = task.visit();
        Clinician c = worker.clinician();
        if (task.pinned()) {
            return v.booking() != null && v.booking().clinicianId().equals(c.id()) ? null : "pinned to its clinician";
        }
        if (patient == null || !"ACTIVE".equals(patient.status())) {
            return "the patient is not active";
        }
        if (!org.hearth.scheduling.visits.BookingRules.qualifies(c, v.discipline())) {
            return "no clinician of discipline " + v.discipline() + " is available";
        }
        if (!c.skills().containsAll(v.needs().skills())) {
            return "no available clinician has the skills " + v.needs().skills();
        }
        if (v.needs().certifications().stream().anyMatch(cert -> !c.certifiedOn(cert, worker.day()))) {
            return "no available clinician holds a valid " + v.needs().certifications();
        }
        if (v.earliest() != null
                && (worker.day().isBefore(v.earliest()) || worker.day().isAfter(v.latest()))) {
            return "no clinician works inside the ordered dates " + v.earliest() + " to " + v.latest();
        }
        return null;
    }

    /** Earliest and latest start on that day: the patient's window for the weekday within the clinician's hours. */
    private double[] window(Task task, Worker worker, PatientProjection patient) {
        if (task.pinned() && task.visit().booking() != null) {
            double at = minutesOf(task.visit().booking().start());
            return new double[] {at, at};
        }
        Clinician.WorkingHours hours = hoursOn(worker.clinician(), worker.day());
        LocalDateTime open = worker.day().atTime(hours.start());
        LocalDateTime close = worker.day().atTime(hours.end()).minusMinutes(task.minutes());
        List<TimeWindow> windows = patient == null
                ? List.of()
                : patient.timeWindows().stream()
                        .filter(tw -> tw.day() == worker.day().getDayOfWeek())
                        .toList();
        // the planner takes one window per day: the widest that still fits the visit; on a day the patient stated no
        // window, the agency's default daytime window (never a visit at night because a clinician's hours allow it)
        LocalTime windowStart = rules.defaultWindowStart();
        LocalTime windowEnd = rules.defaultWindowEnd();
        if (!windows.isEmpty()) {
            TimeWindow widest = windows.stream()
                    .max(java.util.Comparator.comparing(tw -> Duration.between(tw.start(), tw.end())))
                    .orElseThrow();
            windowStart = widest.start();
            windowEnd = widest.end();
        }
        LocalDateTime wOpen = worker.day().atTime(windowStart);
        LocalDateTime wClose = worker.day().atTime(windowEnd).minusMinutes(task.minutes());
        open = wOpen.isAfter(open) ? wOpen : open;
        close = wClose.isBefore(close) ? wClose : close;
        return close.isBefore(open) ? null : new double[] {minutesOf(open), minutesOf(close)};
    }

    static boolean worksOn(Clinician c, LocalDate day) {
        boolean onLeave = c.timeOff().stream().anyMatch(t -> !day.isBefore(t.from()) && !day.isAfter(t.to()));
        return !onLeave && c.hours().stream().anyMatch(h -> h.day() == day.getDayOfWeek());
    }

    static Clinician.WorkingHours hoursOn(Clinician c, LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return c.hours().stream().filter(h -> h.day() == weekday).findFirst().orElseThrow();
    }
}
