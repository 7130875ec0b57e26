package org.hearth.bench.week;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a week's plan against the generated agency's raw data, without the planner's evaluator: who does each
 * visit, when, and in which order, and nothing else. Counts each broken rule by kind; a plan an agency could apply
 * has none. Also measures what the plan achieves: travel per visit, continuity of care and the share planned.
 */
public final class WeekCheck {

    public static final List<String> KINDS = List.of(
            "qualification",
            "pinned",
            "window",
            "hours",
            "travel",
            "homeOverlap",
            "oncePerDay",
            "grid",
            "maxVisits",
            "break");

    /**
     * @param breaks      broken rules by kind (every kind listed, zero included)
     * @param continuity  the share of orders with two or more planned visits that one clinician does all of (0..1)
     */
    public record Result(
            Map<String, Integer> breaks, int visits, int planned, double travelMinutes, double continuity) {

        public int totalBreaks() {
            return breaks.values().stream().mapToInt(Integer::intValue).sum();
        }

        public double travelPerVisit() {
            return planned == 0 ? 0 : travelMinutes / planned;
        }

        public double plannedShare() {
            return visits == 0 ? 1 : (double) planned / visits;
        }
    }

    private WeekCheck() {}

    /**
     * @param workers the clinician and day of each route
     * @param routes  per worker, the visits in the order they are done
     * @param starts  per visit, its start in minutes from Monday 00:00
     */
    public static Result check(WeekAgency week, List<WeekModel.Worker> workers, int[][] routes, double[] starts) {
        Map<String, Integer> breaks = new TreeMap<>();
        KINDS.forEach(k -> breaks.put(k, 0));
        List<WeekAgency.Visit> visits = week.visits();
        int patients = week.patients().size();
        int planned = 0;
        double travel = 0;
        int[] clinicianOf = new int[visits.size()];
        int[] dayOf = new int[visits.size()];
        Arrays.fill(clinicianOf, -1);
        for (int w = 0; w < routes.length; w++) {
            WeekModel.Worker worker = workers.get(w);
            WeekAgency.Clinician c = week.clinicians().get(worker.clinician());
            int[] route = routes[w];
            if (route.length == 0) {
                continue;
            }
            int dayStart = worker.day() * 1440;
            int[] hours = c.hours()[worker.day()];
            if (hours == null) {
                add(breaks, "hours", route.length);
                continue;
            }
            if (route.length > c.maxVisitsPerDay()) {
                add(breaks, "maxVisits", route.length - c.maxVisitsPerDay());
            }
            int base = patients + c.id();
            double time = dayStart + hours[0];
            int at = base;
            boolean breakTaken = !c.longDay(worker.day());
            int breakFrom = dayStart + Math.max(hours[0], WeekAgency.BREAK_FROM);
            int breakLatest = dayStart + Math.min(hours[1], WeekAgency.BREAK_TO) - WeekAgency.BREAK_MINUTES;
            for (int t : route) {
                WeekAgency.Visit v = visits.get(t);
                planned++;
                clinicianOf[t] = c.id();
                dayOf[t] = worker.day();
                double leg = week.minutes(at, v.patient(), patients);
                travel += leg;
                double arrival = time + leg;
                double start = starts[t];
                if (start < arrival - 1e-6) {
                    add(breaks, "travel", 1);
                }
                if (!breakTaken) {
                    double from = Math.max(arrival, breakFrom);
                    if (from <= breakLatest + 1e-6 && from + WeekAgency.BREAK_MINUTES <= start + 1e-6) {
                        breakTaken = true;
                    }
                }
                if (!WeekAgency.qualified(c, v)) {
                    add(breaks, "qualification", 1);
                }
                if (v.booked()) {
                    if (v.bookedWith() != c.id()
                            || v.bookedDay() != worker.day()
                            || Math.abs(start - (dayStart + v.bookedAt())) > 1e-6) {
                        add(breaks, "pinned", 1);
                    }
                } else {
                    int[] window = week.window(v);
                    if (start < dayStart + window[0] - 1e-6 || start + v.minutes() > dayStart + window[1] + 1e-6) {
                        add(breaks, "window", 1);
                    }
                    if (Math.abs(start / WeekAgency.GRID - Math.rint(start / WeekAgency.GRID)) > 1e-6) {
                        add(breaks, "grid", 1);
                    }
                }
                if (start < dayStart + hours[0] - 1e-6 || start + v.minutes() > dayStart + hours[1] + 1e-6) {
                    add(breaks, "hours", 1);
                }
                time = Math.max(time, start + v.minutes());
                at = v.patient();
            }
            if (!breakTaken
                    && time > breakFrom) { // still at work when the break window opens: lunch after the last visit
                double from = Math.max(time, breakFrom);
                if (from > breakLatest + 1e-6) {
                    add(breaks, "break", 1);
                }
                time = from + WeekAgency.BREAK_MINUTES;
            }
            double back = week.minutes(at, base, patients);
            travel += back;
            if (time + back > dayStart + hours[1] + 1e-6) {
                add(breaks, "hours", 1);
            }
        }
        // between routes: one visit at a time per home, one visit per order per day
        Map<Integer, List<Integer>> byHome = new HashMap<>();
        Set<String> orderDays = new HashSet<>();
        Map<Integer, Set<Integer>> clinicianPerOrder = new HashMap<>();
        Map<Integer, Integer> plannedPerOrder = new HashMap<>();
        for (WeekAgency.Visit v : visits) {
            int t = v.id();
            if (clinicianOf[t] < 0) {
                continue;
            }
            byHome.computeIfAbsent(v.patient(), k -> new java.util.ArrayList<>())
                    .add(t);
            if (!orderDays.add(v.order() + "/" + dayOf[t])) {
                add(breaks, "oncePerDay", 1);
            }
            clinicianPerOrder.computeIfAbsent(v.order(), k -> new HashSet<>()).add(clinicianOf[t]);
            plannedPerOrder.merge(v.order(), 1, Integer::sum);
        }
        for (List<Integer> home : byHome.values()) {
            for (int i = 0; i < home.size(); i++) {
                for (int j = i + 1; j < home.size(); j++) {
                    int a = home.get(i);
                    int b = home.get(j);
                    if (starts[a] < starts[b] + visits.get(b).minutes() - 1e-6
                            && starts[b] < starts[a] + visits.get(a).minutes() - 1e-6) {
                        add(breaks, "homeOverlap", 1);
                    }
                }
            }
        }
        long several = plannedPerOrder.values().stream().filter(n -> n > 1).count();
        long kept = plannedPerOrder.entrySet().stream()
                .filter(e ->
                        e.getValue() > 1 && clinicianPerOrder.get(e.getKey()).size() == 1)
                .count();
        return new Result(breaks, visits.size(), planned, travel, several == 0 ? 1 : (double) kept / several);
    }

    private static void add(Map<String, Integer> breaks, String kind, int n) {
        breaks.merge(kind, n, Integer::sum);
    }
}
