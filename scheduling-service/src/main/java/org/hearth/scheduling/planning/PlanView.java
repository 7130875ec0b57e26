package org.hearth.scheduling.planning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hearth.planner.Plan;
import org.hearth.scheduling.geo.GeoPoint;
import org.hearth.scheduling.geo.TravelTimeEstimator;
import org.hearth.scheduling.visits.Visit;

/**
 * The best plan of a job as the API shows it, each assignment with what drove it.
 *
 * @param breakdown the plan's score rule by rule: hard breaks by kind (must all be absent for a feasible plan) and the
 *                  soft costs by kind (travel, newToPatient, preferredClinician, language, stability, continuity,
 *                  spread, balance…), which add up to {@code objective}
 */
record PlanView(
        String jobId,
        boolean feasible,
        double hardViolations,
        double objective,
        long travelMinutes,
        List<Assignment> assignments,
        List<Unassigned> unassigned,
        Breakdown breakdown,
        String zone,
        Achievement achieves) {

    /** Hard breaks and soft costs by rule, rounded to hundredths; an unplanned visit counts 10 hard. */
    record Breakdown(Map<String, Double> hard, Map<String, Double> soft) {

        static Breakdown of(Plan.Breakdown b) {
            return new Breakdown(rounded(b.hard()), rounded(b.soft()));
        }

        private static Map<String, Double> rounded(Map<String, Double> parts) {
            Map<String, Double> result = new java.util.LinkedHashMap<>();
            parts.forEach((k, v) -> result.put(k, Math.round(v * 100) / 100.0));
            return result;
        }
    }

    /**
     * What the plan achieves against the current schedule of the same visits, in terms a coordinator weighs: visits
     * with a clinician and time, minutes of driving (from each clinician's base through the day's visits, the
     * visits outside the job's scope included on both sides, since they share the routes), and continuity of care:
     * the share of visits made by the clinician who makes most of that patient's visits of that discipline.
     */
    record Achievement(
            int scopedVisits,
            int plannedVisits,
            int bookedNow,
            long travelMinutes,
            long travelMinutesNow,
            int continuityPercent,
            int continuityPercentNow) {}

    enum Change {
        NEW,
        MOVED,
        UNCHANGED,
        PINNED
    }

    /**
     * @param explanation why this clinician and time: travel, continuity, preference, how many clinician-days could
     *                    have taken it, and what was fixed
     */
    record Assignment(
            String visitId,
            String patientId,
            String discipline,
            String clinicianId,
            String clinicianName,
            Instant start,
            Instant end,
            Change change,
            Explanation explanation) {}

    record Explanation(
            long travelMinutesFromPrevious,
            boolean seenPatientBefore,
            boolean preferredClinician,
            int qualifiedClinicianDays,
            List<String> drivers) {}

    record Unassigned(String visitId, String patientId, String discipline, String reason) {}

    static PlanView of(PlanningJob job, TravelTimeEstimator travel) {
        return of(job.id, job.model, job.plan, job.context, travel);
    }

    static PlanView of(
            String jobId, PlanningModel model, Plan plan, java.util.Set<String> context, TravelTimeEstimator travel) {
        long routeMinutes = 0;
        List<Assignment> assignments = new ArrayList<>();
        List<Unassigned> unassigned = new ArrayList<>();
        Map<String, Integer> visitsByDiscipline = new java.util.HashMap<>();
        Map<String, java.util.Set<String>> careByDiscipline = careByDiscipline(model, plan, visitsByDiscipline);
        for (int w = 0; w < plan.routes().length; w++) {
            PlanningModel.Worker worker = model.workers.get(w);
            GeoPoint previous = worker.clinician().homeBase();
            for (int t : plan.routes()[w]) {
                PlanningModel.Task task = model.tasks.get(t);
                Visit v = task.visit();
                Instant start = model.instantOf(plan.starts()[t]);
                GeoPoint here = model.taskPoint[t];
                long leg = previous == null || here == null
                        ? 0
                        : travel.between(previous, here).toMinutes();
                routeMinutes += leg;
                if (here != null) {
                    previous = here;
                }
                if (context.contains(v.id())) {
                    continue; // outside the job's scope: shown on the board as it is
                }
                boolean seen = model.seenBy
                        .getOrDefault(v.patientId(), java.util.Set.of())
                        .contains(worker.clinician().id());
                var patient = model.patients.get(v.patientId());
                boolean preferred = patient != null && worker.clinician().id().equals(patient.preferredClinicianId());
                boolean same = v.booking() != null
                        && v.booking().clinicianId().equals(worker.clinician().id())
                        && v.booking().start().equals(start);
                Change change = v.booking() == null
                        ? Change.NEW
                        : !same ? Change.MOVED : task.pinned() ? Change.PINNED : Change.UNCHANGED;
                List<String> drivers = new ArrayList<>();
                if (task.pinned()) {
                    drivers.add(
                            v.status() == Visit.Status.SCHEDULED
                                    ? "pinned: booked; this job keeps bookings (or locks this visit) unless it may move them"
                                    : "pinned: "
                                            + v.status().name().toLowerCase().replace('_', '-'));
                }
                if (model.alternatives[t] <= 2) {
                    drivers.add("few options: " + model.alternatives[t] + " qualified clinician-day(s)");
                }
                if (seen) {
                    drivers.add("continuity of care: this clinician has seen the patient");
                }
                if (preferred) {
                    drivers.add("the patient's preferred clinician");
                }
                if (v.pairing() != null) {
                    drivers.add("double-staffed with visit " + v.pairing().partnerVisitId());
                }
                String care = v.patientId() + "/" + v.discipline();
                if (visitsByDiscipline.get(care) > 1
                        && careByDiscipline.get(care).size() == 1) {
                    drivers.add("continuity of care: the same clinician for the patient's "
                            + visitsByDiscipline.get(care) + " " + v.discipline() + " visits in this plan");
                }
                String language = patient == null ? null : patient.language();
                if (language != null && !language.isBlank() && !model.speaksWith(worker.clinician(), patient)) {
                    drivers.add("does not speak the patient's language (" + language
                            + "): no clinician who does could take it at a lower cost");
                } else if (language != null && !language.isBlank() && !model.isAgencyLanguage(language)) {
                    drivers.add("speaks the patient's language (" + language + ")");
                }
                boolean keptClinicianDay = v.booking() != null
                        && v.booking().clinicianId().equals(worker.clinician().id())
                        && java.time.LocalDate.ofInstant(v.booking().start(), model.zone)
                                .equals(worker.day());
                if (change == Change.UNCHANGED) {
                    drivers.add("kept as booked (stability)");
                } else if (change == Change.MOVED && keptClinicianDay) {
                    drivers.add("kept with its booked clinician and day (stability); the time moves to fit the route");
                } else if (change == Change.MOVED) {
                    drivers.add("moved from its booking: the plan is better by more than the cost of a move ("
                            + (int) PlanningModel.MOVED + ")");
                }
                drivers.add(leg + " min of travel from the previous stop");
                drivers.add(timeDriver(task));
                assignments.add(new Assignment(
                        v.id(),
                        v.patientId(),
                        v.discipline(),
                        worker.clinician().id(),
                        worker.clinician().name(),
                        start,
                        start.plusSeconds(task.minutes() * 60L),
                        change,
                        new Explanation(leg, seen, preferred, model.alternatives[t], drivers)));
            }
        }
        for (int t = 0; t < model.tasks.size(); t++) {
            if (plan.workerOf()[t] < 0
                    && !context.contains(model.tasks.get(t).visit().id())) {
                Visit v = model.tasks.get(t).visit();
                unassigned.add(new Unassigned(
                        v.id(),
                        v.patientId(),
                        v.discipline(),
                        model.unplannable.getOrDefault(
                                v.id(), "no clinician-day had room for it under the hard rules")));
            }
        }
        model.excluded.forEach((visitId, reason) -> unassigned.add(new Unassigned(visitId, null, null, reason)));
        assignments.sort(Comparator.comparing(Assignment::start).thenComparing(Assignment::clinicianName));
        return new PlanView(
                jobId,
                plan.feasible() && unassigned.isEmpty(),
                plan.hardViolations(),
                Math.round(plan.objective() * 100) / 100.0,
                routeMinutes,
                assignments,
                unassigned,
                Breakdown.of(plan.breakdown()),
                model.zone.getId(),
                achievement(model, plan, context, travel, routeMinutes, assignments, unassigned.size()));
    }

    /** Why this time: pinned, right after the previous stop and the drive, or when the window (or the day) opens. */
    private static String timeDriver(PlanningModel.Task task) {
        if (task.pinned()) {
            return "time: kept as booked";
        }
        return "time: as early as this clinician's route allows (after the previous stop and the drive, once the home "
                + "is free), within the patient's window and the clinician's hours, on the agency's time grid";
    }

    private static Achievement achievement(
            PlanningModel model,
            Plan plan,
            java.util.Set<String> context,
            TravelTimeEstimator travel,
            long routeMinutes,
            List<Assignment> assignments,
            int unplanned) {
        // the current schedule: each clinician-day's booked visits in booked order, from the clinician's base (also for
        // a clinician who no longer works that day: a sick call's visits are part of the schedule as it stands)
        Map<String, GeoPoint> bases = new java.util.HashMap<>();
        model.workers.forEach(
                w -> bases.putIfAbsent(w.clinician().id(), w.clinician().homeBase()));
        Map<String, List<Integer>> bookedDays = new java.util.TreeMap<>();
        for (int t = 0; t < model.tasks.size(); t++) {
            Visit.Booking booking = model.tasks.get(t).visit().booking();
            if (booking != null) {
                bookedDays
                        .computeIfAbsent(
                                booking.clinicianId() + "/"
                                        + booking.start().atZone(model.zone).toLocalDate(),
                                k -> new ArrayList<>())
                        .add(t);
            }
        }
        long nowMinutes = 0;
        for (List<Integer> day : bookedDays.values()) {
            day.sort(Comparator.comparing(
                    t -> model.tasks.get(t).visit().booking().start()));
            GeoPoint previous =
                    bases.get(model.tasks.get(day.get(0)).visit().booking().clinicianId());
            for (int t : day) {
                GeoPoint here = model.taskPoint[t];
                nowMinutes += previous == null || here == null
                        ? 0
                        : travel.between(previous, here).toMinutes();
                if (here != null) {
                    previous = here;
                }
            }
        }
        Map<String, String> clinicianNow = new java.util.HashMap<>();
        Map<String, String> careNow = new java.util.HashMap<>();
        int scoped = 0;
        for (int t = 0; t < model.tasks.size(); t++) {
            Visit v = model.tasks.get(t).visit();
            if (context.contains(v.id())) {
                continue;
            }
            scoped++;
            if (v.booking() != null) {
                clinicianNow.put(v.id(), v.booking().clinicianId());
                careNow.put(v.id(), v.patientId() + "/" + v.discipline());
            }
        }
        Map<String, String> clinicianPlanned = new java.util.HashMap<>();
        Map<String, String> carePlanned = new java.util.HashMap<>();
        for (Assignment a : assignments) {
            clinicianPlanned.put(a.visitId(), a.clinicianId());
            carePlanned.put(a.visitId(), a.patientId() + "/" + a.discipline());
        }
        return new Achievement(
                scoped + model.excluded.size(),
                assignments.size(),
                clinicianNow.size(),
                routeMinutes,
                nowMinutes,
                continuity(clinicianPlanned, carePlanned),
                continuity(clinicianNow, careNow));
    }

    /** The share of visits (0..100) made by the clinician who makes most visits of that patient and discipline. */
    static int continuity(Map<String, String> clinicianOf, Map<String, String> careOf) {
        if (clinicianOf.isEmpty()) {
            return 100;
        }
        Map<String, Map<String, Integer>> counts = new java.util.HashMap<>();
        clinicianOf.forEach(
                (visit, clinician) -> counts.computeIfAbsent(careOf.get(visit), k -> new java.util.HashMap<>())
                        .merge(clinician, 1, Integer::sum));
        int usual = counts.values().stream()
                .mapToInt(byClinician -> byClinician.values().stream()
                        .mapToInt(Integer::intValue)
                        .max()
                        .orElse(0))
                .sum();
        return (int) Math.round(100.0 * usual / clinicianOf.size());
    }

    /** Per patient and discipline, the clinicians the plan gives its visits to, and how many visits. */
    private static Map<String, java.util.Set<String>> careByDiscipline(
            PlanningModel model, Plan plan, Map<String, Integer> visits) {
        Map<String, java.util.Set<String>> clinicians = new java.util.HashMap<>();
        for (int t = 0; t < model.tasks.size(); t++) {
            if (plan.workerOf()[t] >= 0) {
                Visit v = model.tasks.get(t).visit();
                String key = v.patientId() + "/" + v.discipline();
                clinicians
                        .computeIfAbsent(key, k -> new java.util.HashSet<>())
                        .add(model.workers.get(plan.workerOf()[t]).clinician().id());
                visits.merge(key, 1, Integer::sum);
            }
        }
        return clinicians;
    }

    /** Assignments a coordinator must book: new or moved ones. */
    List<Assignment> changes() {
        return assignments.stream()
                .filter(a -> a.change() == Change.NEW || a.change() == Change.MOVED)
                .toList();
    }

    /** The plan's score in numbers, for the job's status (visits in the job's scope only). */
    StoredJob.Best best(Plan plan) {
        return new StoredJob.Best(
                plan.hardViolations(),
                Math.round(plan.objective() * 100) / 100.0,
                assignments.size(),
                unassigned.size(),
                plan.iterations(),
                plan.elapsedMillis());
    }
}
