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
    public record Options(Duration timeLimit, long seed, long maxIterations, Routes initial,
            Consumer<Plan.Progress> onImprovement) {

        public static Options timeLimit(Duration limit) {
            return new Options(limit, 42, Long.MAX_VALUE, null, p -> { });
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
    private static final int PAIR_CANDIDATES = 4;

    private final PlanningProblem p;
    private final Evaluator eval;
    private final SplittableRandom random;
    private final int[] removed;
    private int removedCount;
    private final double[][] closeness; // task-to-task distance for related removal
    private final int[] movable;
    private final int[][] neighbours; // per task, the movable tasks nearest first: closeness never changes

    private Planner(PlanningProblem problem, long seed) {
        this.p = problem;
        this.eval = new Evaluator(problem);
        this.random = new SplittableRandom(seed);
        this.removed = new int[problem.tasks];
        this.closeness = new double[problem.tasks][problem.tasks];
        for (int a = 0; a < problem.tasks; a++) {
            for (int b = 0; b < problem.tasks; b++) {
                double space = problem.travel(problem.taskLocation[a], problem.taskLocation[b]);
                double timeGap = Math.abs(firstEarliest(a) - firstEarliest(b));
                closeness[a][b] = space + 0.5 * timeGap;
            }
        }
        // Pinned tasks keep their worker but may change place in the route (times follow), so they can be ruined too.
        this.movable = java.util.stream.IntStream.range(0, problem.tasks).toArray();
        this.neighbours = new int[problem.tasks][];
        for (int t = 0; t < problem.tasks; t++) {
            double[] row = closeness[t];
            neighbours[t] = java.util.Arrays.stream(movable).boxed()
                    .sorted((a, b) -> Double.compare(row[a], row[b])).mapToInt(Integer::intValue).toArray();
        }
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
        recreate(current, 0);
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
        Plan.Progress point = new Plan.Progress((System.nanoTime() - started) / 1_000_000, eval.hardViolations(),
                eval.objective());
        progress.add(point);
        options.onImprovement().accept(point);
    }

    private void placePinned(Routes routes) {
        for (int t = 0; t < p.tasks; t++) {
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

    /** A pinned task goes back to its worker only; others to any qualified worker. */
    private boolean allowed(int t, int w) {
        int pinned = p.pinnedWorker[t];
        return p.qualified(t, w) && (pinned < 0 || pinned == w);
    }

    private double firstEarliest(int t) {
        double e = Double.POSITIVE_INFINITY;
        for (int w = 0; w < p.workers; w++) {
            if (p.qualified(t, w)) {
                e = Math.min(e, p.earliest[t][w]);
            }
        }
        return e == Double.POSITIVE_INFINITY ? 0 : e;
    }
}
