package org.hearth.planner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A ruin-and-recreate local search with simulated annealing, in the style of SISR (Christiaens &amp; Vanden Berghe,
 * 2020): each iteration removes a few related tasks (a string of one route and the routes nearby, or random ones)
 * and reinserts them greedily at their cheapest positions, skipping a position now and then ("blinks") so that
 * different orders get tried. A synchronized pair is always removed and reinserted together. The temperature falls
 * from 1 % to 0.01 % of the first solution's objective over the time limit. Pinned tasks never leave their worker
 * (their place in the route may change; a fixed time is expressed as a window of one minute).
 *
 * <p>Deterministic for a seed and an iteration budget; with a time limit, results vary with the machine's speed.
 */
public final class Planner {

    /** How long to search and what to report. */
    public record Options(
            Duration timeLimit, long seed, long maxIterations, Routes initial, Consumer<Plan.Progress> onImprovement) {

        public static Options timeLimit(Duration limit) {
            return new Options(limit, 42, Long.MAX_VALUE, null, p -> {});
        }

        public Options withSeed(long s) {
            return new Options(timeLimit, s, maxIterations, initial, onImprovement);
        }

        public Options withInitial(Routes routes) {
            return new Options(timeLimit, seed, maxIterations, routes, onImprovement);
        }

        public Options withMaxIterations(long n) {
            return new Options(timeLimit, seed, n, initial, onImprovement);
        }

        public Options onImprovement(Consumer<Plan.Progress> listener) {
            return new Options(timeLimit, seed, maxIterations, initial, listener);
        }
    }

    private static final double BLINK = 0.01;
    /**
     * Above this many tasks to place at the start, the first plan is built by {@link #construct}: each position is
     * estimated in constant time and only the best few are evaluated in full. Below it (every HHCRSP instance of the
     * shared set), every position is evaluated, as before.
     */
    static final int CONSTRUCTION_THRESHOLD = 150;

    private static final int CONSTRUCTION_CANDIDATES = 6;
    private static final int PAIR_CANDIDATES = 4;

    private final PlanningProblem p;
    private final Evaluator eval;
    private final SplittableRandom random;
    private final int[] removed;
    private int removedCount;
    private final double[][] closeness; // task-to-task distance for related removal
    private final int[] movable;
    private final int[][] neighbours; // per task, the movable tasks nearest first: closeness never changes
    private final double[] earliestOf; // per task, its earliest start over the workers that may do it

    private Planner(PlanningProblem problem, long seed) {
        this.p = problem;
        this.eval = new Evaluator(problem);
        this.random = new SplittableRandom(seed);
        this.removed = new int[problem.tasks];
        this.closeness = new double[problem.tasks][problem.tasks];
        this.earliestOf = new double[problem.tasks];
        for (int t = 0; t < problem.tasks; t++) {
            earliestOf[t] = earliestOverWorkers(t);
        }
        for (int a = 0; a < problem.tasks; a++) {
            for (int b = 0; b < problem.tasks; b++) {
                double space = problem.travel(problem.taskLocation[a], problem.taskLocation[b]);
                double timeGap = Math.abs(earliestOf[a] - earliestOf[b]);
                closeness[a][b] = space + 0.5 * timeGap;
            }
        }
        // Pinned tasks keep their worker but may change place in the route (times follow), so they can be ruined too.
        this.movable = java.util.stream.IntStream.range(0, problem.tasks).toArray();
        this.neighbours = new int[problem.tasks][]; // filled when first asked for: not in the way of the first plan
    }

    public static Plan solve(PlanningProblem problem, Options options, BooleanSupplier stopRequested) {
        return new Planner(problem, options.seed()).run(options, stopRequested);
    }

    private Plan run(Options options, BooleanSupplier stop) {
        long started = System.nanoTime();
        long deadline = started + options.timeLimit().toNanos();
        List<Plan.Progress> progress = new ArrayList<>();
        Routes current = options.initial() != null ? options.initial().copy() : new Routes(p.workers, p.tasks);
        placePinned(current);
        removedCount = 0;
        for (int t : movable) {
            if (current.workerOf[t] < 0) {
                removed[removedCount++] = t;
            }
        }
        if (removedCount > CONSTRUCTION_THRESHOLD) {
            construct(current);
        } else {
            recreate(current, 0);
        }
        double currentCost = eval.evaluate(current);
        Routes best = current.copy();
        double bestCost = currentCost;
        report(progress, options, started);
        double t0 = Math.max(1e-3, 0.01 * Math.max(eval.objective(), 1));
        double tEnd = t0 / 100;
        Routes candidate = current.copy();
        long iteration = 0;
        while (iteration < options.maxIterations() && !stop.getAsBoolean() && movable.length > 0) {
            long now = System.nanoTime();
            if (now >= deadline) {
                break;
            }
            iteration++;
            double fraction = (double) (now - started) / (deadline - started);
            double temperature = t0 * Math.pow(tEnd / t0, fraction);
            candidate.copyFrom(current);
            ruin(candidate);
            recreate(candidate, BLINK);
            double candidateCost = eval.evaluate(candidate);
            if (candidateCost < currentCost - temperature * Math.log(random.nextDouble())) {
                current.copyFrom(candidate);
                currentCost = candidateCost;
                if (currentCost < bestCost - 1e-9) {
                    best.copyFrom(current);
                    bestCost = currentCost;
                    report(progress, options, started);
                }
            }
        }
        eval.evaluate(best);
        return Plan.of(p, best, eval, iteration, (System.nanoTime() - started) / 1_000_000, progress);
    }

    private void report(List<Plan.Progress> progress, Options options, long started) {
        Plan.Progress point =
                new Plan.Progress((System.nanoTime() - started) / 1_000_000, eval.hardViolations(), eval.objective());
        progress.add(point);
        options.onImprovement().accept(point);
    }

    /** Puts each pinned task on its worker, in order of its earliest start there (bookings in the order of the day). */
    private void placePinned(Routes routes) {
        Integer[] pinned = java.util.stream.IntStream.range(0, p.tasks)
                .filter(t -> p.pinnedWorker[t] >= 0)
                .boxed()
                .toArray(Integer[]::new);
        java.util.Arrays.sort(pinned, java.util.Comparator.comparingDouble(t -> p.earliest[t][p.pinnedWorker[t]]));
        for (int t : pinned) {
            int w = p.pinnedWorker[t];
            if (w >= 0 && routes.workerOf[t] != w) {
                if (routes.workerOf[t] >= 0) {
                    routes.remove(t);
                }
                routes.append(w, t);
            }
        }
    }

    // ---- ruin ----------------------------------------------------------------------------------------------------

    private void ruin(Routes r) {
        removedCount = 0;
        int assigned = r.assignedCount();
        int cap = Math.max(1, Math.min(movable.length, Math.max(2, (int) Math.round(0.25 * assigned))));
        int target = 1 + random.nextInt(Math.min(cap, 12));
        switch (random.nextInt(3)) {
            case 0 -> ruinRandom(r, target);
            case 1 -> ruinRelated(r, target);
            default -> ruinStrings(r, target);
        }
    }

    private void ruinRandom(Routes r, int target) {
        for (int attempts = 0; removedCount < target && attempts < target * 4; attempts++) {
            take(r, movable[random.nextInt(movable.length)]);
        }
    }

    private void ruinRelated(Routes r, int target) {
        int seed = movable[random.nextInt(movable.length)];
        take(r, seed);
        int[] order = byCloseness(seed);
        for (int i = 0; i < order.length && removedCount < target; i++) {
            take(r, order[i]);
        }
    }

    /** SISR's string removal: a run of consecutive tasks from the seed's route and from the routes of its neighbours. */
    private void ruinStrings(Routes r, int target) {
        int seed = movable[random.nextInt(movable.length)];
        int[] order = byCloseness(seed);
        boolean[] ruinedRoute = new boolean[p.workers];
        for (int i = -1; i < order.length && removedCount < target; i++) {
            int t = i < 0 ? seed : order[i];
            int w = r.workerOf[t];
            if (w < 0 || ruinedRoute[w]) {
                continue;
            }
            ruinedRoute[w] = true;
            int length = Math.min(r.len[w], 1 + random.nextInt(Math.max(1, Math.min(r.len[w], target - removedCount))));
            int at = indexOf(r, w, t);
            int from = Math.max(0, Math.min(at - random.nextInt(length), r.len[w] - length));
            int[] run = java.util.Arrays.copyOfRange(r.seq[w], from, from + length);
            for (int x : run) {
                take(r, x);
            }
        }
    }

    /** The movable tasks by closeness to {@code seed}, nearest first; computed once. */
    private int[] byCloseness(int seed) {
        if (neighbours[seed] == null) {
            double[] row = closeness[seed];
            neighbours[seed] = java.util.Arrays.stream(movable)
                    .boxed()
                    .sorted((a, b) -> Double.compare(row[a], row[b]))
                    .mapToInt(Integer::intValue)
                    .toArray();
        }
        return neighbours[seed];
    }

    /** Removes a task (and its partner) unless already out. */
    private void take(Routes r, int t) {
        if (r.workerOf[t] < 0) {
            return;
        }
        r.remove(t);
        removed[removedCount++] = t;
        int q = p.partner[t];
        if (q >= 0 && r.workerOf[q] >= 0) {
            r.remove(q);
            removed[removedCount++] = q;
        }
    }

    private static int indexOf(Routes r, int w, int t) {
        for (int i = 0; i < r.len[w]; i++) {
            if (r.seq[w][i] == t) {
                return i;
            }
        }
        return 0;
    }

    // ---- recreate ------------------------------------------------------------------------------------------------

    private void recreate(Routes r, double blink) {
        int[] order = java.util.Arrays.copyOf(removed, removedCount);
        sortForInsertion(order);
        boolean[] done = new boolean[p.tasks];
        for (int t : order) {
            if (done[t] || r.workerOf[t] >= 0) {
                continue;
            }
            int q = p.partner[t];
            if (q >= 0 && r.workerOf[q] < 0) {
                insertPair(r, p.leads[t] ? t : q, p.leads[t] ? q : t, blink);
                done[q] = true;
            } else if (p.tasks > CONSTRUCTION_THRESHOLD) {
                insertEstimated(r, t, blink); // a large problem: estimate the positions, evaluate the best few
            } else {
                insertBest(r, t, -1, blink);
            }
            done[t] = true;
        }
        removedCount = 0;
    }

    private void sortForInsertion(int[] order) {
        switch (random.nextInt(3)) {
            case 0 -> shuffle(order);
            case 1 -> sortBy(order, t -> firstEarliest(t) + random.nextDouble());
            default -> sortBy(order, t -> -closeness[t][0] - random.nextDouble()); // far tasks first
        }
    }

    private void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int x = a[i];
            a[i] = a[j];
            a[j] = x;
        }
    }

    private static void sortBy(int[] a, java.util.function.IntToDoubleFunction key) {
        double[] keys = new double[a.length];
        Integer[] idx = new Integer[a.length];
        for (int i = 0; i < a.length; i++) {
            keys[i] = key.applyAsDouble(a[i]);
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (x, y) -> Double.compare(keys[x], keys[y]));
        int[] copy = a.clone();
        for (int i = 0; i < a.length; i++) {
            a[i] = copy[idx[i]];
        }
    }

    /**
     * Inserts {@code t} at its cheapest position, never on {@code avoidWorker} (the partner's worker); returns the
     * cost after insertion, or leaves it unassigned when no worker is qualified.
     */
    private double insertBest(Routes r, int t, int avoidWorker, double blink) {
        int bestW = -1;
        int bestPos = -1;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int w = 0; w < p.workers; w++) {
            if (w == avoidWorker || !allowed(t, w)) {
                continue;
            }
            for (int i = 0; i <= r.len[w]; i++) {
                if (blink > 0 && random.nextDouble() < blink) {
                    continue;
                }
                r.insert(w, i, t);
                double c = eval.evaluate(r);
                r.remove(t);
                if (c < bestCost) {
                    bestCost = c;
                    bestW = w;
                    bestPos = i;
                }
            }
        }
        if (bestW >= 0) {
            r.insert(bestW, bestPos, t);
        }
        return bestCost;
    }

    /** Places the first task at a few of its best positions, completes each with the partner's best, keeps the best. */
    private void insertPair(Routes r, int first, int second, double blink) {
        int[] candW = new int[PAIR_CANDIDATES];
        int[] candPos = new int[PAIR_CANDIDATES];
        double[] candCost = new double[PAIR_CANDIDATES];
        java.util.Arrays.fill(candCost, Double.POSITIVE_INFINITY);
        for (int w = 0; w < p.workers; w++) {
            if (!allowed(first, w)) {
                continue;
            }
            for (int i = 0; i <= r.len[w]; i++) {
                if (blink > 0 && random.nextDouble() < blink) {
                    continue;
                }
                r.insert(w, i, first);
                double c = eval.evaluate(r);
                r.remove(first);
                int worst = 0;
                for (int k = 1; k < PAIR_CANDIDATES; k++) {
                    if (candCost[k] > candCost[worst]) {
                        worst = k;
                    }
                }
                if (c < candCost[worst]) {
                    candCost[worst] = c;
                    candW[worst] = w;
                    candPos[worst] = i;
                }
            }
        }
        int bestW1 = -1;
        int bestP1 = -1;
        int bestW2 = -1;
        int bestP2 = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < PAIR_CANDIDATES; k++) {
            if (candCost[k] == Double.POSITIVE_INFINITY) {
                continue;
            }
            r.insert(candW[k], candPos[k], first);
            double c = insertBest(r, second, candW[k], 0);
            int w2 = r.workerOf[second];
            if (w2 >= 0) {
                int p2 = indexOf(r, w2, second);
                if (c < best) {
                    best = c;
                    bestW1 = candW[k];
                    bestP1 = candPos[k];
                    bestW2 = w2;
                    bestP2 = p2;
                }
                r.remove(second);
            }
            r.remove(first);
        }
        if (bestW1 >= 0) {
            r.insert(bestW1, bestP1, first);
            r.insert(bestW2, bestP2, second);
        } else {
            insertBest(r, first, -1, 0);
            insertBest(r, second, r.workerOf[first], 0);
        }
    }

    // ---- construction of the first plan of a large problem ----------------------------------------------------------

    /**
     * Places the removed tasks in order of their earliest start. For a single task, each position of each allowed
     * worker is estimated from the current schedule in constant time (added travel, lateness, preference, balance,
     * continuity and spread; refused when the task would miss its deadline, push a later task past its deadline or
     * the shift's end (with the route's waits as slack), exceed the worker's task limit, or repeat its group on one
     * day); the {@value #CONSTRUCTION_CANDIDATES} best are evaluated in full and the cheapest kept. When none of them
     * places the task without a new hard violation, the next 30 are; when no position passes the estimate, every
     * position is evaluated, as {@link #insertBest} does.
     * Synchronized pairs go through {@link #insertPair}. Cost: a few full evaluations per task instead of one per
     * position, which is what keeps the first plan of a 1,000-task week within seconds.
     */
    private void construct(Routes r) {
        int[] order = java.util.Arrays.copyOf(removed, removedCount);
        // the most constrained first: tasks of large once-a-day groups (five visits in five days have one way),
        // then by earliest start
        double span = 1
                + java.util.Arrays.stream(earliestOf).max().orElse(0)
                - java.util.Arrays.stream(earliestOf).min().orElse(0);
        sortBy(
                order,
                t -> (p.dailyGroup[t] < 0 ? 0 : -groupMembers(p.dailyGroup[t]).length * span)
                        + firstEarliest(t)
                        + random.nextDouble());
        removedCount = 0;
        for (int t : order) {
            if (r.workerOf[t] >= 0) {
                continue;
            }
            int q = p.partner[t];
            if (q >= 0) {
                if (r.workerOf[q] < 0) {
                    insertPair(r, p.leads[t] ? t : q, p.leads[t] ? q : t, 0);
                }
                continue;
            }
            insertEstimated(r, t, 0);
        }
    }

    private double[] base;
    private double[][] slackOf;
    private long[] candidates;
    private double[] estimates;

    /**
     * Inserts a single task at the best of the positions its estimate ranks first (see {@link #construct}), skipping
     * a position now and then ({@code blink}) as {@link #insertBest} does.
     */
    private void insertEstimated(Routes r, int t, double blink) {
        if (base == null) {
            base = new double[p.tasks];
            slackOf = new double[p.workers][];
            candidates = new long[(p.tasks + p.workers) * 4];
            estimates = new double[candidates.length];
        }
        double[] base = this.base;
        double[][] slack = slackOf;
        double before = eval.evaluate(r);
        double hardBefore = eval.hardViolations();
        System.arraycopy(eval.start, 0, base, 0, p.tasks);
        int found = 0;
        for (int w = 0; w < p.workers; w++) {
            if (!allowed(t, w) || r.len[w] >= p.maxTasks[w] || repeatsGroupOnDay(r, t, w)) {
                continue;
            }
            slack[w] = slack(r, w, base, slack[w]);
            double groupCost = groupEstimate(r, t, w);
            for (int i = 0; i <= r.len[w]; i++) {
                double e = estimate(r, t, w, i, base, slack[w]);
                if (Double.isNaN(e)) {
                    break; // this and every later position start past the task's deadline
                }
                if (e == Double.POSITIVE_INFINITY || (blink > 0 && random.nextDouble() < blink)) {
                    continue;
                }
                if (found == candidates.length) {
                    candidates = java.util.Arrays.copyOf(candidates, found * 2);
                    estimates = java.util.Arrays.copyOf(estimates, found * 2);
                }
                candidates[found] = ((long) w << 32) | i;
                estimates[found++] = e + groupCost;
            }
        }
        // evaluate the best few in full; if none places the task without a new hard break, a few more
        int bestW = -1;
        int bestPos = -1;
        double bestCost = Double.POSITIVE_INFINITY;
        double bestHard = Double.POSITIVE_INFINITY;
        int evaluated = 0;
        for (int batch : new int[] {CONSTRUCTION_CANDIDATES, 5 * CONSTRUCTION_CANDIDATES, found}) {
            for (int k = 0; k < batch && evaluated < found; k++) {
                int pick = evaluated;
                for (int j = evaluated + 1; j < found; j++) { // selection: the next cheapest estimate
                    if (estimates[j] < estimates[pick]) {
                        pick = j;
                    }
                }
                swap(candidates, estimates, evaluated, pick);
                int w = (int) (candidates[evaluated] >>> 32);
                int i = (int) candidates[evaluated];
                evaluated++;
                r.insert(w, i, t);
                double c = eval.evaluate(r);
                double h = eval.hardViolations();
                r.remove(t);
                if (c < bestCost) {
                    bestCost = c;
                    bestHard = h;
                    bestW = w;
                    bestPos = i;
                }
            }
            if (bestHard <= hardBefore - Evaluator.UNASSIGNED + 1e-9) {
                break;
            }
        }
        if (bestW >= 0 && bestCost <= before && bestHard <= hardBefore - Evaluator.UNASSIGNED + 1e-9) {
            r.insert(bestW, bestPos, t);
        } else {
            insertBest(r, t, -1, 0); // no position passed the estimate: try them all
        }
    }

    private static void swap(long[] a, double[] b, int i, int j) {
        long x = a[i];
        a[i] = a[j];
        a[j] = x;
        double y = b[i];
        b[i] = b[j];
        b[j] = y;
    }

    /**
     * Per position i of worker w's route, how much later the task now at i may start without any task from i on
     * missing its deadline or the route ending after the shift: the least of each one's room, with the waits before
     * it added. Index len holds the room at the end of the route.
     */
    private double[] slack(Routes r, int w, double[] start, double[] reuse) {
        int n = r.len[w];
        double[] s = reuse != null && reuse.length > n ? reuse : new double[p.tasks + 1];
        int[] seq = r.seq[w];
        double end;
        int endLoc;
        if (n == 0) {
            end = p.shiftStart[w];
            endLoc = p.workerStart[w];
        } else {
            int last = seq[n - 1];
            end = start[last] + p.duration[last][w];
            endLoc = p.taskLocation[last] >= 0 ? p.taskLocation[last] : p.workerStart[w];
        }
        s[n] = p.shiftEnd[w] - (end + p.travel(endLoc, p.workerEnd[w]));
        for (int i = n - 1; i >= 0; i--) {
            int t = seq[i];
            double own = p.deadline[t][w] - start[t];
            if (i == n - 1) {
                s[i] = Math.min(own, s[n]);
            } else {
                int next = seq[i + 1];
                double wait =
                        start[next] - (start[t] + p.duration[t][w] + p.travel(p.taskLocation[t], p.taskLocation[next]));
                s[i] = Math.min(own, Math.max(0, wait) + s[i + 1]);
            }
        }
        return s;
    }

    /**
     * The estimated added cost of task t at position i of worker w: NaN when the task would start past its deadline
     * (so would every later position), infinite when it would push the rest of the route past a deadline or the
     * shift's end.
     */
    private double estimate(Routes r, int t, int w, int i, double[] start, double[] slack) {
        int[] seq = r.seq[w];
        int prev = i == 0 ? -1 : seq[i - 1];
        int next = i == r.len[w] ? -1 : seq[i];
        int from = prev < 0
                ? p.workerStart[w]
                : p.taskLocation[prev] >= 0 ? p.taskLocation[prev] : locationBefore(r, w, i - 1);
        double depart = prev < 0 ? p.shiftStart[w] : start[prev] + p.duration[prev][w];
        int here = p.taskLocation[t] >= 0 ? p.taskLocation[t] : from;
        double leg = p.travel(from, here);
        double at = Math.max(depart + leg, p.earliest[t][w]);
        if (p.grid > 0) {
            at = Math.ceil(at / p.grid - 1e-9) * p.grid;
        }
        if (at > p.deadline[t][w] + 1e-9) {
            return Double.NaN;
        }
        double end = at + p.duration[t][w];
        int to = next < 0 ? p.workerEnd[w] : p.taskLocation[next] >= 0 ? p.taskLocation[next] : here;
        double onward = p.travel(here, to);
        double push = next < 0 ? end + onward - (depart + p.travel(from, to)) : end + onward - start[next];
        if (push > slack[i] + 1e-9) {
            return Double.POSITIVE_INFINITY;
        }
        PlanningProblem.Weights weights = p.weights;
        double late = Math.max(0, at - p.latest[t][w]);
        return weights.travel() * (leg + onward - p.travel(from, to))
                + weights.tardiness() * late
                + weights.maxTardiness() * late
                + p.preference[t][w]
                + weights.balance() * (2.0 * r.len[w] + 1);
    }

    /** Where the worker is before position i + 1 when the task at i is done remotely: the last place visited. */
    private int locationBefore(Routes r, int w, int i) {
        for (int j = i; j >= 0; j--) {
            int loc = p.taskLocation[r.seq[w][j]];
            if (loc >= 0) {
                return loc;
            }
        }
        return p.workerStart[w];
    }

    /** Whether worker w's day already holds a task of t's once-a-day group. */
    private boolean repeatsGroupOnDay(Routes r, int t, int w) {
        int g = p.dailyGroup[t];
        if (g < 0) {
            return false;
        }
        for (int u : groupMembers(g)) {
            int wu = r.workerOf[u];
            if (u != t && wu >= 0 && p.dayIndex[wu] == p.dayIndex[w]) {
                return true;
            }
        }
        return false;
    }

    /** Continuity and spread costs of t on worker w against the group's tasks already placed. */
    private double groupEstimate(Routes r, int t, int w) {
        double cost = 0;
        int g = p.continuityGroup[t];
        if (g >= 0) {
            boolean others = false;
            boolean same = false;
            for (int u : continuityMembers(g)) {
                int wu = r.workerOf[u];
                if (u != t && wu >= 0) {
                    others = true;
                    same |= p.person[wu] == p.person[w];
                }
            }
            if (others && !same) {
                cost += p.continuityWeight;
            }
        }
        for (int u : p.sameSpread[t]) {
            int wu = r.workerOf[u];
            if (wu >= 0) {
                double shortBy = p.spreadDays[t] - Math.abs(p.workerDay[wu] - p.workerDay[w]);
                if (shortBy > 0) {
                    cost += p.spreadWeight * shortBy;
                }
            }
        }
        return cost;
    }

    private int[][] dailyMembers;
    private int[][] continuityMembersOf;

    private int[] groupMembers(int g) {
        if (dailyMembers == null) {
            dailyMembers = members(p.dailyGroup, p.dailyGroups);
        }
        return dailyMembers[g];
    }

    private int[] continuityMembers(int g) {
        if (continuityMembersOf == null) {
            continuityMembersOf = members(p.continuityGroup, p.continuityGroups);
        }
        return continuityMembersOf[g];
    }

    private int[][] members(int[] group, int groups) {
        java.util.List<java.util.List<Integer>> lists = new java.util.ArrayList<>();
        for (int g = 0; g < groups; g++) {
            lists.add(new java.util.ArrayList<>());
        }
        for (int t = 0; t < p.tasks; t++) {
            if (group[t] >= 0) {
                lists.get(group[t]).add(t);
            }
        }
        return lists.stream()
                .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
    }

    /** A pinned task goes back to its worker only; others to any qualified worker. */
    private boolean allowed(int t, int w) {
        int pinned = p.pinnedWorker[t];
        return p.qualified(t, w) && (pinned < 0 || pinned == w);
    }

    private double firstEarliest(int t) {
        return earliestOf[t];
    }

    private double earliestOverWorkers(int t) {
        double e = Double.POSITIVE_INFINITY;
        for (int w = 0; w < p.workers; w++) {
            if (p.qualified(t, w)) {
                e = Math.min(e, p.earliest[t][w]);
            }
        }
        return e == Double.POSITIVE_INFINITY ? 0 : e;
    }
}
