package org.hearth.bench.week;

import java.util.ArrayList;
import java.util.List;
import org.hearth.planner.PlanningProblem;

/**
 * A generated week as a planning problem, with the agency rules and weights scheduling-service uses
 * ({@code PlanningModel}): a worker per clinician and working day, a task per visit; homes that take one visit at a
 * time; one visit per discipline per patient per day; weekly orders spread over the week; continuity of care;
 * starts on a 5-minute grid; the patient's window or the agency's 08:00-18:00; a lunch break on long days; hand
 * bookings pinned to their clinician and minute; soft costs for a clinician new to the patient, not the preferred
 * one, or not speaking the patient's language, and balanced days.
 */
public final class WeekModel {

    static final double NEW_TO_PATIENT = 20;
    static final double NOT_PREFERRED = 30;
    static final double NO_COMMON_LANGUAGE = 40;
    static final double SPREAD = 30;
    static final double SPLIT_CARE = 25;
    static final double BALANCE = 2;

    /** A worker: clinician {@code clinician} on weekday {@code day} (0 = Monday). */
    public record Worker(int clinician, int day) {}

    public final WeekAgency week;
    public final List<Worker> workers = new ArrayList<>();
    public final double[][] travel;
    public final PlanningProblem problem;

    public WeekModel(WeekAgency week) {
        this.week = week;
        List<WeekAgency.Patient> patients = week.patients();
        List<WeekAgency.Clinician> clinicians = week.clinicians();
        for (int d = 0; d < WeekAgency.DAYS; d++) {
            for (WeekAgency.Clinician c : clinicians) {
                if (c.hours()[d] != null) {
                    workers.add(new Worker(c.id(), d));
                }
            }
        }
        int places = patients.size() + clinicians.size();
        double[][] lat = new double[places][2];
        for (WeekAgency.Patient p : patients) {
            lat[p.id()] = new double[] {p.latitude(), p.longitude()};
        }
        for (WeekAgency.Clinician c : clinicians) {
            lat[patients.size() + c.id()] = new double[] {c.latitude(), c.longitude()};
        }
        travel = new double[places][places];
        for (int a = 0; a < places; a++) {
            for (int b = 0; b < places; b++) {
                travel[a][b] = a == b ? 0 : WeekAgency.minutes(lat[a][0], lat[a][1], lat[b][0], lat[b][1]);
            }
        }
        List<WeekAgency.Visit> visits = week.visits();
        PlanningProblem.Builder b = PlanningProblem.builder(workers.size(), visits.size(), travel)
                .weights(new PlanningProblem.Weights(1, 1, 1, BALANCE))
                .grid(WeekAgency.GRID);
        for (int w = 0; w < workers.size(); w++) {
            Worker worker = workers.get(w);
            WeekAgency.Clinician c = clinicians.get(worker.clinician());
            int base = patients.size() + c.id();
            int dayStart = worker.day() * 1440;
            int[] hours = c.hours()[worker.day()];
            b.worker(w, base, base, dayStart + hours[0], dayStart + hours[1], c.maxVisitsPerDay())
                    .workerDay(w, worker.day())
                    .workerPerson(w, c.id());
            if (c.longDay(worker.day())) {
                int from = Math.max(hours[0], WeekAgency.BREAK_FROM);
                int to = Math.min(hours[1], WeekAgency.BREAK_TO);
                b.breakTime(w, WeekAgency.BREAK_MINUTES, dayStart + from, dayStart + to - WeekAgency.BREAK_MINUTES);
            }
        }
        int[] ordersPerGroup = new int[visits.size()];
        for (WeekAgency.Visit v : visits) {
            ordersPerGroup[v.order()]++;
        }
        for (WeekAgency.Visit v : visits) {
            int t = v.id();
            WeekAgency.Patient patient = patients.get(v.patient());
            b.location(t, v.patient())
                    .home(t, v.patient())
                    .oncePerDay(t, v.order())
                    .continuity(t, v.order(), SPLIT_CARE);
            if (ordersPerGroup[v.order()] > 1) {
                b.spread(t, v.order(), (WeekAgency.DAYS - 1.0) / (ordersPerGroup[v.order()] - 1), SPREAD);
            }
            int[] window = week.window(v);
            for (int w = 0; w < workers.size(); w++) {
                Worker worker = workers.get(w);
                WeekAgency.Clinician c = clinicians.get(worker.clinician());
                if (!WeekAgency.qualified(c, v)) {
                    continue;
                }
                int dayStart = worker.day() * 1440;
                if (v.booked()) {
                    if (c.id() == v.bookedWith() && worker.day() == v.bookedDay()) {
                        double at = dayStart + v.bookedAt();
                        b.task(t, w, v.minutes(), at, at, at).pin(t, w);
                    }
                    continue;
                }
                int[] hours = c.hours()[worker.day()];
                int open = Math.max(window[0], hours[0]);
                int close = Math.min(window[1], hours[1]) - v.minutes();
                if (close < open) {
                    continue;
                }
                b.task(t, w, v.minutes(), dayStart + open, dayStart + close, dayStart + close);
                if (v.seenBy() != c.id()) {
                    b.preference(t, w, "newToPatient", NEW_TO_PATIENT);
                }
                if (patient.preferredClinician() >= 0 && patient.preferredClinician() != c.id()) {
                    b.preference(t, w, "preferredClinician", NOT_PREFERRED);
                }
                if (!c.languages().contains(patient.language())) {
                    b.preference(t, w, "language", NO_COMMON_LANGUAGE);
                }
            }
        }
        problem = b.build();
    }
}
