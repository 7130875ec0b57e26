package org.hearth.planner;

import java.util.Arrays;

/**
 * Computes the schedule of a set of routes and its cost. Every task starts as early as it can (a left-shifted
 * schedule): at its window's opening, or on arrival. Synchronized tasks are scheduled together once both routes
 * have reached them: simultaneous ones at the later of the two ready times; a precedence pair (first, then second
 * between min and max minutes later) at first = max(ready1, ready2 - max), second = max(ready2, first + min),
 * which respects both windows and the gap. Routes that wait on each other in a cycle cannot be scheduled: their
 * remaining tasks count as hard violations.
 *
 * <p>Cost = hard violations × {@link #HARD} + the weighted soft objective. Not thread-safe: one per solver thread.
 */
public final class Evaluator {

    /** Weight of one unit of hard violation (an unassigned task, a minute past a deadline…) against the objective. */
    public static final double HARD = 100_000;
    /** Leaving a task out weighs more than being late for one: a plan places everything it can. */
    static final double UNASSIGNED = 10;

    /** The kinds of hard violation, as {@link Plan.Breakdown} names them; indices into {@link #hardBy}. */
    static final String[] HARD_KINDS = {
        "unplanned", "maxVisits", "pairOnOneWorker", "window", "shiftEnd", "homeOverlap", "oncePerDay", "break"
    };

    static final int UNPLANNED = 0;
    static final int MAX_TASKS = 1;
    static final int PAIR_ONE_WORKER = 2;
    static final int WINDOW = 3;
    static final int SHIFT_END = 4;
    static final int HOME = 5;
    static final int ONCE_PER_DAY = 6;
    static final int BREAK = 7;

    private final PlanningProblem p;
    private final int[] pos;
    private final double[] time;
    private final int[] loc;
    final double[] start;
    private Routes routes;
    private int generation;
    private int homeGeneration;
    private final int[] slotStamp;
    private final int[] slotHead;
    private final int[] nextInSlot;
    private final int[] dayStamp;
    private final int[] personStamp;
    private final int[] groupStamp;
    /** Per worker, when its break started (NaN: not yet taken). */
    private final double[] breakAt;
    /** Hard violations by kind ({@link #HARD_KINDS}); they add up to {@link #hard}. */
    final double[] hardBy = new double[HARD_KINDS.length];

    double hard;
    double travel;
    double tardiness;
    double maxTardiness;
    double preference;
    double balance;
    /** Soft cost between tasks: a weekly order's visits too close together. */
    double spread;
    /** Soft cost between tasks: one patient's discipline split between several people. */
    double continuity;

    public Evaluator(PlanningProblem problem) {
        this.p = problem;
        pos = new int[p.workers];
        time = new double[p.workers];
        loc = new int[p.workers];
        start = new double[p.tasks];
        dayStamp = new int[Math.multiplyExact(p.dailyGroups, p.days)];
        personStamp = new int[Math.multiplyExact(p.continuityGroups, p.persons)];
        groupStamp = new int[p.continuityGroups];
        slotStamp = new int[Math.multiplyExact(p.homes, p.days)];
        slotHead = new int[slotStamp.length];
        nextInSlot = new int[p.tasks];
        breakAt = new double[p.workers];
    }

    /** The soft objective, without hard violations. */
    public double objective() {
        PlanningProblem.Weights w = p.weights;
        return w.travel() * travel
                + w.tardiness() * tardiness
                + w.maxTardiness() * maxTardiness
                + preference
                + w.balance() * balance
                + spread
                + continuity;
    }

    public double hardViolations() {
        return hard;
    }

    public double cost() {
        return hard * HARD + objective();
    }

    public double travel() {
        return travel;
    }

    public double tardiness() {
        return tardiness;
    }

    public double maxTardiness() {
        return maxTardiness;
    }

    public double start(int t) {
        return start[t];
    }

    /**
     * What the last evaluated plan breaks and pays, by kind: hard violations (they add up to
     * {@link #hardViolations()}; an unplanned task counts {@value #UNASSIGNED}) and the weighted soft costs (they add
     * up to {@link #objective()}); kinds with nothing to report are left out.
     */
    public Plan.Breakdown breakdown() {
        java.util.Map<String, Double> hardKinds = new java.util.LinkedHashMap<>();
        for (int k = 0; k < HARD_KINDS.length; k++) {
            if (hardBy[k] > 0) {
                hardKinds.put(HARD_KINDS[k], hardBy[k]);
            }
        }
        PlanningProblem.Weights w = p.weights;
        java.util.Map<String, Double> soft = new java.util.LinkedHashMap<>();
        putPositive(soft, "travel", w.travel() * travel);
        putPositive(soft, "tardiness", w.tardiness() * tardiness);
        putPositive(soft, "maxTardiness", w.maxTardiness() * maxTardiness);
        double named = 0;
        for (var kind : p.preferenceByKind.entrySet()) {
            double sum = 0;
            for (int t = 0; t < p.tasks; t++) {
                int wt = routes.workerOf[t];
                if (wt >= 0) {
                    sum += kind.getValue()[t][wt];
                }
            }
            putPositive(soft, kind.getKey(), sum);
            named += sum;
        }
        putPositive(soft, "preference", preference - named);
        putPositive(soft, "continuity", continuity);
        putPositive(soft, "spread", spread);
        putPositive(soft, "balance", w.balance() * balance);
        return new Plan.Breakdown(hardKinds, soft);
    }

    private static void putPositive(java.util.Map<String, Double> map, String key, double value) {
        if (value > 1e-9) {
            map.put(key, value);
        }
    }

    /** Schedules {@code r} and returns its cost; the parts and start times stay readable until the next call. */
    public double evaluate(Routes r) {
        this.routes = r;
        homeGeneration++;
        hard = 0;
        travel = 0;
        tardiness = 0;
        maxTardiness = 0;
        preference = 0;
        balance = 0;
        spread = 0;
        continuity = 0;
        Arrays.fill(hardBy, 0);
        Arrays.fill(start, Double.NaN);
        if (p.breaks) {
            Arrays.fill(breakAt, Double.NaN);
        }
        int remaining = 0;
        for (int w = 0; w < p.workers; w++) {
            pos[w] = 0;
            time[w] = p.shiftStart[w];
            loc[w] = p.workerStart[w];
            remaining += r.len[w];
            if (r.len[w] > p.maxTasks[w]) {
                violate(MAX_TASKS, r.len[w] - p.maxTasks[w]);
            }
        }
        violate(UNPLANNED, UNASSIGNED * (p.tasks - remaining)); // unassigned tasks
        boolean progressed = true;
        while (remaining > 0 && progressed) {
            progressed = false;
            for (int w = 0; w < p.workers; w++) {
                while (pos[w] < r.len[w]) {
                    int t = r.seq[w][pos[w]];
                    int q = p.partner[t];
                    int wq = q < 0 ? -1 : r.workerOf[q];
                    if (wq < 0) {
                        commit(w, t, ready(w, t));
                        remaining--;
                        progressed = true;
                        continue;
                    }
                    if (wq == w) {
                        violate(
                                PAIR_ONE_WORKER,
                                1); // both halves on one worker: schedule them one after the other anyway
                        commit(w, t, ready(w, t));
                        remaining--;
                        progressed = true;
                        continue;
                    }
                    if (pos[wq] >= r.len[wq] || r.seq[wq][pos[wq]] != q) {
                        if (!Double.isNaN(start[q])) { // partner already placed (same-worker case above)
                            commit(w, t, ready(w, t));
                            remaining--;
                            progressed = true;
                            continue;
                        }
                        break; // wait until the partner's route reaches it
                    }
                    double readyT = ready(w, t);
                    double readyQ = ready(wq, q);
                    double startT;
                    double startQ;
                    double gapMin = p.minGap[t];
                    double gapMax = p.maxGap[t];
                    if (p.leads[t]) {
                        startT = Math.max(readyT, readyQ - gapMax);
                        startQ = Math.max(readyQ, startT + gapMin);
                    } else {
                        startQ = Math.max(readyQ, readyT - gapMax);
                        startT = Math.max(readyT, startQ + gapMin);
                    }
                    commit(w, t, onGrid(t, startT));
                    commit(wq, q, onGrid(q, startQ));
                    remaining -= 2;
                    progressed = true;
                }
            }
        }
        violate(UNPLANNED, UNASSIGNED * remaining); // deadlocked tasks
        for (int w = 0; w < p.workers; w++) {
            if (r.len[w] == 0) {
                continue;
            }
            if (p.breaks && p.breakMinutes[w] > 0 && Double.isNaN(breakAt[w]) && time[w] > p.breakEarliest[w]) {
                time[w] =
                        takeBreak(w, time[w]) + p.breakMinutes[w]; // still at work in the break window: after the last
            }
            double back = p.travel(loc[w], p.workerEnd[w]);
            travel += back;
            double end = time[w] + back;
            if (end > p.shiftEnd[w]) {
                violate(SHIFT_END, (end - p.shiftEnd[w]) / 10); // ten minutes of overtime weigh one violation
            }
            balance += (double) r.len[w] * r.len[w];
        }
        hard += homeAndDayBreaks(r);
        return cost();
    }

    private double ready(int w, int t) {
        double arrival = time[w] + p.travel(loc[w], p.taskLocation[t]);
        double at = onGrid(t, Math.max(arrival, p.earliest[t][w]));
        at = p.homeIndex[t] < 0 ? at : afterOthersAtHome(t, w, at, p.duration[t][w]);
        return p.breaks ? afterBreak(w, t, arrival, at) : at;
    }

    /** The start of task {@code t} when worker {@code w}'s break comes first (kept out of the hot path). */
    private double afterBreak(int w, int t, double arrival, double at) {
        if (breakBefore(w, t, arrival, at)) { // the break comes first: the task starts after it
            double after = onGrid(t, Math.max(at, Math.max(arrival, p.breakEarliest[w]) + p.breakMinutes[w]));
            after = p.homeIndex[t] < 0 ? after : afterOthersAtHome(t, w, after, p.duration[t][w]);
            if (after <= p.deadline[t][w] + 1e-9) { // else a fixed time (a booking) wins and the break is cut short
                return after;
            }
        }
        return at;
    }

    /**
     * Whether worker {@code w}, arriving at {@code arrival} for task {@code t} that would start at {@code at}, takes
     * its break before the task: the break is still due and either fits in the wait (it starts on arrival or when its
     * window opens) or must, because the task would end after the break's latest start.
     */
    private boolean breakBefore(int w, int t, double arrival, double at) {
        if (p.breakMinutes[w] <= 0 || !Double.isNaN(breakAt[w])) {
            return false;
        }
        double from = Math.max(arrival, p.breakEarliest[w]);
        boolean fitsInWait = from <= p.breakLatest[w] && from + p.breakMinutes[w] <= at + 1e-9;
        return fitsInWait || at + p.duration[t][w] > p.breakLatest[w] + 1e-9;
    }

    /** The break taken before task {@code t} when it is due (out of {@link #commit}, the hottest method). */
    private void breakBeforeCommit(int w, int t, double at) {
        double arrival = time[w] + p.travel(loc[w], p.taskLocation[t]);
        if (breakBefore(w, t, arrival, at)) {
            double from = takeBreak(w, arrival);
            if (from + p.breakMinutes[w] > at + 1e-9) { // a fixed start left no room for it
                double cut = 1 + (from + p.breakMinutes[w] - at) / 10;
                violate(BREAK, cut);
            }
        }
    }

    /** Counts a hard violation, by kind (a small method: the hot paths stay small enough for the JIT to inline). */
    private void violate(int kind, double amount) {
        hard += amount;
        hardBy[kind] += amount;
    }

    /** Takes worker {@code w}'s break at the first moment from {@code from} its window allows; returns its start. */
    private double takeBreak(int w, double from) {
        double at = Math.max(from, p.breakEarliest[w]);
        breakAt[w] = at;
        if (at > p.breakLatest[w] + 1e-9) {
            double late = 1 + (at - p.breakLatest[w]) / 10;
            violate(BREAK, late);
        }
        return at;
    }

    /** The first start on the agency's grid at or after {@code at}; pinned tasks keep their booked minute. */
    private double onGrid(int t, double at) {
        if (p.grid <= 0 || p.pinnedWorker[t] >= 0) {
            return at;
        }
        return Math.ceil(at / p.grid - 1e-9) * p.grid;
    }

    /**
     * The worker waits until the home is free: the first start from {@code at} that overlaps no visit already placed
     * there that day, nor a pinned visit with a fixed time. A double-staffed pair is placed together and not pushed
     * here; the final check counts what still overlaps.
     */
    private double afterOthersAtHome(int t, int w, double at, double minutes) {
        int slot = p.homeIndex[t] * p.days + p.dayIndex[w];
        boolean moved = true;
        while (moved) {
            moved = false;
            if (slotStamp[slot] == homeGeneration) {
                for (int u = slotHead[slot]; u >= 0; u = nextInSlot[u]) {
                    double to = start[u] + p.duration[u][routes.workerOf[u]];
                    if (u != p.partner[t] && at < to && start[u] < at + minutes) {
                        at = onGrid(t, to);
                        moved = true;
                    }
                }
            }
            for (int u : p.pinnedAtHome[t]) {
                int wu = routes.workerOf[u];
                if (wu >= 0
                        && Double.isNaN(start[u])
                        && p.pinnedWorker[u] == wu
                        && p.earliest[u][wu] == p.deadline[u][wu]) {
                    double from = p.earliest[u][wu];
                    double to = from + p.duration[u][wu];
                    if (at < to && from < at + minutes) {
                        at = onGrid(t, to);
                        moved = true;
                    }
                }
            }
        }
        return at;
    }

    /**
     * Hard breaks of the home and once-a-day rules, and the soft spread and continuity costs. Visits at one home are
     * kept apart while scheduling, except a double-staffed pair placed together: each pair that still overlaps counts
     * one, plus one per ten minutes of overlap. Each task beyond the first of a once-a-day group on one day counts
     * one. Two pinned tasks are people's commitments the planner cannot change: nothing is counted between them.
     * Stamps instead of pairwise checks keep this linear in the number of tasks.
     */
    private double homeAndDayBreaks(Routes r) {
        if (!p.grouped) {
            return 0;
        }
        double breaks = 0;
        double daily = 0;
        for (int t : p.pairedAtHome) {
            int wt = r.workerOf[t];
            if (wt < 0 || Double.isNaN(start[t])) {
                continue;
            }
            for (int u : p.sameHome[t]) {
                int wu = r.workerOf[u];
                if (wu >= 0
                        && !Double.isNaN(start[u])
                        && !(p.pinnedWorker[t] >= 0 && p.pinnedWorker[u] >= 0)
                        && (p.partner[u] < 0 || u > t)) {
                    double overlap = Math.min(start[t] + p.duration[t][wt], start[u] + p.duration[u][wu])
                            - Math.max(start[t], start[u]);
                    if (overlap > 1e-9) {
                        breaks += 1 + overlap / 10;
                    }
                }
            }
        }
        generation++;
        if (p.dailyGroups > 0) {
            // pinned tasks first: a free task on a day a pinned one holds breaks the rule, two pinned ones do not
            for (int pass = 0; pass < 2; pass++) {
                for (int t = 0; t < p.tasks; t++) {
                    int g = p.dailyGroup[t];
                    int wt = r.workerOf[t];
                    if (g < 0 || wt < 0 || (p.pinnedWorker[t] >= 0) != (pass == 0) || secondOfPair(t, p.dailyGroup)) {
                        continue;
                    }
                    int slot = g * p.days + p.dayIndex[wt];
                    if (dayStamp[slot] == generation && pass == 1) {
                        daily += 1;
                    }
                    dayStamp[slot] = generation;
                }
            }
        }
        if (p.continuityGroups > 0) {
            for (int t = 0; t < p.tasks; t++) {
                int g = p.continuityGroup[t];
                int wt = r.workerOf[t];
                if (g < 0 || wt < 0 || secondOfPair(t, p.continuityGroup)) {
                    continue;
                }
                int slot = g * p.persons + p.person[wt];
                if (personStamp[slot] != generation) {
                    personStamp[slot] = generation;
                    if (groupStamp[g] == generation) {
                        continuity += p.continuityWeight; // one more person for this group
                    }
                    groupStamp[g] = generation;
                }
            }
        }
        for (int t : p.spreading) {
            int wt = r.workerOf[t];
            if (wt < 0) {
                continue;
            }
            for (int u : p.sameSpread[t]) {
                int wu = r.workerOf[u];
                if (u > t && wu >= 0) {
                    double shortBy = p.spreadDays[t] - Math.abs(p.workerDay[wu] - p.workerDay[wt]);
                    if (shortBy > 0) {
                        spread += p.spreadWeight * shortBy;
                    }
                }
            }
        }
        hardBy[HOME] += breaks;
        hardBy[ONCE_PER_DAY] += daily;
        return breaks + daily;
    }

    /** The following half of a double-staffed pair whose partner is in the same group: it counts with its partner. */
    private boolean secondOfPair(int t, int[] group) {
        int q = p.partner[t];
        return q >= 0 && !p.leads[t] && group[q] == group[t];
    }

    private void commit(int w, int t, double at) {
        if (p.breaks) {
            breakBeforeCommit(w, t, at);
        }
        start[t] = at;
        if (p.homeIndex[t] >= 0) { // remember the visit in its home's day, for the visits placed after it
            int slot = p.homeIndex[t] * p.days + p.dayIndex[w];
            if (slotStamp[slot] != homeGeneration) {
                slotStamp[slot] = homeGeneration;
                slotHead[slot] = -1;
            }
            nextInSlot[t] = slotHead[slot];
            slotHead[slot] = t;
        }
        double leg = p.travel(loc[w], p.taskLocation[t]);
        travel += leg;
        double late = at - p.latest[t][w];
        if (late > 0) {
            tardiness += late;
            if (late > maxTardiness) {
                maxTardiness = late;
            }
        }
        double overDeadline = at - p.deadline[t][w];
        if (overDeadline > 0) {
            violate(WINDOW, 1 + overDeadline / 10);
        }
        preference += p.preference[t][w];
        time[w] = at + p.duration[t][w];
        if (p.taskLocation[t] >= 0) {
            loc[w] = p.taskLocation[t];
        }
        pos[w]++;
    }
}
