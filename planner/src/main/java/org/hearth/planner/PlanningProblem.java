package org.hearth.planner;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable planning problem. Times are minutes from an origin the caller chooses; locations are indices into
 * the travel matrix, or {@link #NO_LOCATION} for a task done remotely (telehealth: no travel, the worker stays
 * where they were). Per task-and-worker arrays let windows depend on the worker (a clinician's day).
 */
public final class PlanningProblem {

    public static final int NO_LOCATION = -1;
    public static final double NONE = Double.POSITIVE_INFINITY;

    /** How the objective weighs its parts; the benchmark uses 1/3 each for travel, total and maximum tardiness. */
    public record Weights(double travel, double tardiness, double maxTardiness, double balance) {

        public static Weights hhcrsp() {
            return new Weights(1.0 / 3, 1.0 / 3, 1.0 / 3, 0);
        }
    }

    final int workers;
    final int tasks;
    final double[][] travel;
    final int[] workerStart;
    final int[] workerEnd;
    final double[] shiftStart;
    final double[] shiftEnd;
    final int[] maxTasks;
    final int[] taskLocation;
    final double[][] duration;
    final double[][] earliest;
    final double[][] latest;
    final double[][] deadline;
    final double[][] preference;
    final int[] partner;
    final double[] minGap;
    final double[] maxGap;
    final boolean[] leads;
    final int[] pinnedWorker;
    final Weights weights;
    final int[] workerDay;
    final double grid;
    /** Per task, the other tasks at the same home (its double-staffed partner excepted): they must not overlap. */
    final int[][] sameHome;
    /** Per task, its once-a-day group as 0..dailyGroups-1 (-1: none); per worker, its day as 0..days-1. */
    final int[] dailyGroup;

    final int dailyGroups;
    final int[] dayIndex;
    final int days;
    /** Per task, the other tasks of its spread group (one weekly order), and the day gap wanted between them. */
    final int[][] sameSpread;

    final double[] spreadDays;
    final double spreadWeight;
    /** Per task, its continuity group as 0..continuityGroups-1 (-1: none); per worker, its person as 0..persons-1. */
    final int[] continuityGroup;

    final int continuityGroups;
    final int[] person;
    final int persons;
    final double continuityWeight;
    /** Per task, its home as 0..homes-1 (-1: none), and the pinned tasks at the same home (partner excepted). */
    final int[] homeIndex;

    final int homes;
    final int[][] pinnedAtHome;
    /** Double-staffed tasks with a home rule: placed together, so the only ones whose overlap must be checked. */
    final int[] pairedAtHome;
    /** Tasks with a spread rule. */
    final int[] spreading;
    /** Whether any per-group rule is on, so problems without them (the benchmark) pay nothing for them. */
    final boolean grouped;
    /** Per worker, a break of {@code breakMinutes} (0: none) starting between {@code breakEarliest} and {@code breakLatest}. */
    final double[] breakMinutes;

    final double[] breakEarliest;
    final double[] breakLatest;
    final boolean breaks;
    /** The preference costs by kind (e.g. "preferredClinician", "language"), each task × worker; their sum is in preference. */
    final java.util.Map<String, double[][]> preferenceByKind;

    private PlanningProblem(Builder b) {
        this.workers = b.workers;
        this.tasks = b.tasks;
        this.travel = b.travel;
        this.workerStart = b.workerStart;
        this.workerEnd = b.workerEnd;
        this.shiftStart = b.shiftStart;
        this.shiftEnd = b.shiftEnd;
        this.maxTasks = b.maxTasks;
        this.taskLocation = b.taskLocation;
        this.duration = b.duration;
        this.earliest = b.earliest;
        this.latest = b.latest;
        this.deadline = b.deadline;
        this.preference = b.preference;
        this.partner = b.partner;
        this.minGap = b.minGap;
        this.maxGap = b.maxGap;
        this.leads = b.leads;
        this.pinnedWorker = b.pinnedWorker;
        this.weights = Objects.requireNonNull(b.weights, "weights");
        this.workerDay = b.workerDay;
        this.grid = b.grid;
        for (int t = 0; t < tasks; t++) {
            int p = partner[t];
            if (p >= 0 && (p >= tasks || partner[p] != t || p == t)) {
                throw new IllegalArgumentException("task " + t + ": partners must name each other");
            }
        }
        this.sameHome = others(b.home, true);
        this.dailyGroup = compact(b.dailyGroup);
        this.dailyGroups = count(dailyGroup);
        this.dayIndex = compact(b.workerDay);
        this.days = count(dayIndex);
        this.sameSpread = others(b.spreadGroup, true);
        this.spreadDays = b.spreadDays;
        this.spreadWeight = b.spreadWeight;
        this.continuityGroup = compact(b.continuityGroup);
        this.continuityGroups = count(continuityGroup);
        this.person = compact(b.workerPerson);
        this.persons = count(person);
        this.continuityWeight = b.continuityWeight;
        this.homeIndex = compact(b.home);
        this.homes = count(homeIndex);
        this.pinnedAtHome = new int[tasks][];
        for (int t = 0; t < tasks; t++) {
            pinnedAtHome[t] = java.util.Arrays.stream(sameHome[t])
                    .filter(u -> pinnedWorker[u] >= 0)
                    .toArray();
        }
        this.pairedAtHome = java.util.stream.IntStream.range(0, tasks)
                .filter(t -> sameHome[t].length > 0 && partner[t] >= 0)
                .toArray();
        this.spreading = java.util.stream.IntStream.range(0, tasks)
                .filter(t -> sameSpread[t].length > 0)
                .toArray();
        this.breakMinutes = b.breakMinutes;
        this.breakEarliest = b.breakEarliest;
        this.breakLatest = b.breakLatest;
        this.breaks = java.util.Arrays.stream(breakMinutes).anyMatch(m -> m > 0);
        this.preferenceByKind =
                java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(b.preferenceByKind));
        this.grouped = dailyGroups > 0 || continuityGroups > 0 || spreading.length > 0 || pairedAtHome.length > 0;
    }

    /** Renumbers non-negative keys 0, 1, 2… in order of first appearance; negative keys stay -1. */
    private static int[] compact(int[] keys) {
        java.util.Map<Integer, Integer> index = new java.util.HashMap<>();
        int[] result = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            result[i] = keys[i] < 0 ? -1 : index.computeIfAbsent(keys[i], k -> index.size());
        }
        return result;
    }

    private static int count(int[] compacted) {
        int max = -1;
        for (int x : compacted) {
            max = Math.max(max, x);
        }
        return max + 1;
    }

    /** For each task, the other tasks with the same non-negative key (its partner left out when asked). */
    private int[][] others(int[] key, boolean exceptPartner) {
        java.util.Map<Integer, java.util.List<Integer>> byKey = new java.util.HashMap<>();
        for (int t = 0; t < tasks; t++) {
            if (key[t] >= 0) {
                byKey.computeIfAbsent(key[t], k -> new java.util.ArrayList<>()).add(t);
            }
        }
        int[][] result = new int[tasks][];
        for (int t = 0; t < tasks; t++) {
            int self = t;
            result[t] = key[t] < 0
                    ? new int[0]
                    : byKey.get(key[t]).stream()
                            .mapToInt(Integer::intValue)
                            .filter(u -> u != self && !(exceptPartner && partner[self] == u))
                            .toArray();
        }
        return result;
    }

    public static Builder builder(int workers, int tasks, double[][] travel) {
        return new Builder(workers, tasks, travel);
    }

    public int workers() {
        return workers;
    }

    public int tasks() {
        return tasks;
    }

    public Weights weights() {
        return weights;
    }

    /** Whether worker {@code w} may do task {@code t} at all. */
    public boolean qualified(int t, int w) {
        return !Double.isNaN(duration[t][w]);
    }

    public int partner(int t) {
        return partner[t];
    }

    public boolean pinned(int t) {
        return pinnedWorker[t] >= 0;
    }

    double travel(int from, int to) {
        return from < 0 || to < 0 ? 0 : travel[from][to];
    }

    /** Fills a problem; every task starts unqualified for every worker until {@link #task} says otherwise. */
    public static final class Builder {

        final int workers;
        final int tasks;
        final double[][] travel;
        final int[] workerStart;
        final int[] workerEnd;
        final double[] shiftStart;
        final double[] shiftEnd;
        final int[] maxTasks;
        final int[] taskLocation;
        final double[][] duration;
        final double[][] earliest;
        final double[][] latest;
        final double[][] deadline;
        final double[][] preference;
        final int[] partner;
        final double[] minGap;
        final double[] maxGap;
        final boolean[] leads;
        final int[] pinnedWorker;
        Weights weights = Weights.hhcrsp();
        final int[] home;
        final int[] dailyGroup;
        final int[] workerDay;
        double grid;
        final int[] spreadGroup;
        final double[] spreadDays;
        double spreadWeight;
        final int[] continuityGroup;
        final int[] workerPerson;
        double continuityWeight;
        final double[] breakMinutes;
        final double[] breakEarliest;
        final double[] breakLatest;
        final java.util.Map<String, double[][]> preferenceByKind = new java.util.LinkedHashMap<>();

        private Builder(int workers, int tasks, double[][] travel) {
            this.workers = workers;
            this.tasks = tasks;
            this.travel = travel;
            workerStart = new int[workers];
            workerEnd = new int[workers];
            shiftStart = new double[workers];
            shiftEnd = filled(workers, NONE);
            maxTasks = new int[workers];
            Arrays.fill(maxTasks, Integer.MAX_VALUE);
            taskLocation = new int[tasks];
            duration = new double[tasks][workers];
            earliest = new double[tasks][workers];
            latest = new double[tasks][workers];
            deadline = new double[tasks][workers];
            preference = new double[tasks][workers];
            for (int t = 0; t < tasks; t++) {
                Arrays.fill(duration[t], Double.NaN);
                Arrays.fill(latest[t], NONE);
                Arrays.fill(deadline[t], NONE);
            }
            partner = new int[tasks];
            Arrays.fill(partner, -1);
            minGap = new double[tasks];
            maxGap = new double[tasks];
            leads = new boolean[tasks];
            pinnedWorker = new int[tasks];
            Arrays.fill(pinnedWorker, -1);
            home = filled(tasks, -1);
            dailyGroup = filled(tasks, -1);
            workerDay = new int[workers];
            spreadGroup = filled(tasks, -1);
            spreadDays = new double[tasks];
            continuityGroup = filled(tasks, -1);
            workerPerson = java.util.stream.IntStream.range(0, workers).toArray();
            breakMinutes = new double[workers];
            breakEarliest = new double[workers];
            breakLatest = new double[workers];
        }

        private static int[] filled(int n, int value) {
            int[] a = new int[n];
            Arrays.fill(a, value);
            return a;
        }

        public Builder worker(
                int w,
                int startLocation,
                int endLocation,
                double shiftStartMinute,
                double shiftEndMinute,
                int maxTaskCount) {
            workerStart[w] = startLocation;
            workerEnd[w] = endLocation;
            shiftStart[w] = shiftStartMinute;
            shiftEnd[w] = shiftEndMinute;
            maxTasks[w] = maxTaskCount;
            return this;
        }

        public Builder location(int t, int location) {
            taskLocation[t] = location;
            return this;
        }

        /**
         * Worker {@code w} may do task {@code t} in {@code minutes}, starting no earlier than {@code earliestStart}
         * (the worker waits), ideally by {@code latestStart} (later is tardiness), never after {@code deadlineStart}.
         */
        public Builder task(
                int t, int w, double minutes, double earliestStart, double latestStart, double deadlineStart) {
            duration[t][w] = minutes;
            earliest[t][w] = earliestStart;
            latest[t][w] = latestStart;
            deadline[t][w] = deadlineStart;
            return this;
        }

        /** A soft cost of worker {@code w} doing task {@code t}; costs for one task and worker add up. */
        public Builder preference(int t, int w, double cost) {
            preference[t][w] += cost;
            return this;
        }

        /**
         * A soft cost of worker {@code w} doing task {@code t}, of a named kind (e.g. "preferredClinician",
         * "language", "stability"): added to the task's preference cost, and reported by kind in the plan's
         * {@link Plan.Breakdown}. Costs of one kind for one task and worker add up.
         */
        public Builder preference(int t, int w, String kind, double cost) {
            if (cost == 0) {
                return this;
            }
            preference[t][w] += cost;
            preferenceByKind.computeIfAbsent(kind, k -> new double[tasks][workers])[t][w] += cost;
            return this;
        }

        /**
         * Worker {@code w} takes a break of {@code minutes} that starts between {@code earliestStart} and
         * {@code latestStart} (e.g. 30 minutes for lunch between 11:00 and 14:00). Hard: the break is taken while the
         * worker waits if it fits there, otherwise before the first task that would end after {@code latestStart};
         * a break that cannot start by then counts one violation plus one per ten minutes late. A worker whose tasks
         * all end before {@code earliestStart} needs none.
         */
        public Builder breakTime(int w, double minutes, double earliestStart, double latestStart) {
            if (minutes < 0 || latestStart < earliestStart) {
                throw new IllegalArgumentException("break: minutes >= 0 and earliest <= latest start");
            }
            breakMinutes[w] = minutes;
            breakEarliest[w] = earliestStart;
            breakLatest[w] = latestStart;
            return this;
        }

        /**
         * Two tasks done by two different workers: {@code first} starts, then {@code second} between {@code min} and
         * {@code max} minutes later; min = max = 0 means both start together.
         */
        public Builder synchronize(int first, int second, double min, double max) {
            if (min < 0 || max < min) {
                throw new IllegalArgumentException("gap must satisfy 0 <= min <= max");
            }
            partner[first] = second;
            partner[second] = first;
            minGap[first] = minGap[second] = min;
            maxGap[first] = maxGap[second] = max;
            leads[first] = true;
            leads[second] = false;
            return this;
        }

        /** Fixes a task to a worker: the planner never moves it to another route. */
        public Builder pin(int t, int w) {
            pinnedWorker[t] = w;
            return this;
        }

        /**
         * Task {@code t} happens at home {@code homeId} (e.g. the patient's address): two tasks at one home never
         * overlap in time, a double-staffed partner excepted. A hard rule; -1 (the default) means no such rule.
         */
        public Builder home(int t, int homeId) {
            home[t] = homeId;
            return this;
        }

        /**
         * Task {@code t} belongs to a once-a-day group (e.g. one patient's visits of one discipline): two tasks of a
         * group never go to workers of the same {@link #workerDay day}, a double-staffed partner excepted. Hard: each
         * task beyond the first of a group on one day counts one (two pinned tasks are not counted).
         */
        public Builder oncePerDay(int t, int groupId) {
            dailyGroup[t] = groupId;
            return this;
        }

        /**
         * Task {@code t} belongs to spread group {@code groupId} (e.g. the visits of one weekly order): two of its
         * tasks on {@link #workerDay days} closer than {@code gapDays} cost {@code weight} per day short (soft).
         */
        public Builder spread(int t, int groupId, double gapDays, double weight) {
            spreadGroup[t] = groupId;
            spreadDays[t] = gapDays;
            spreadWeight = weight;
            return this;
        }

        /**
         * Task {@code t} belongs to continuity group {@code groupId} (e.g. one patient's visits of one discipline):
         * each person beyond the first who does any of its tasks costs {@code weight} (soft); a double-staffed
         * partner does not count.
         */
        public Builder continuity(int t, int groupId, double weight) {
            continuityGroup[t] = groupId;
            continuityWeight = weight;
            return this;
        }

        /** Who worker {@code w} is (e.g. the clinician of a clinician-day); by default each worker is its own person. */
        public Builder workerPerson(int w, int person) {
            workerPerson[w] = person;
            return this;
        }

        /** Which day worker {@code w} works (any number; the default 0 puts every worker on one day). */
        public Builder workerDay(int w, int day) {
            workerDay[w] = day;
            return this;
        }

        /** Starts of tasks that are not pinned fall on multiples of {@code minutes} from the origin (0: any time). */
        public Builder grid(double minutes) {
            if (minutes < 0) {
                throw new IllegalArgumentException("grid must be >= 0");
            }
            grid = minutes;
            return this;
        }

        public Builder weights(Weights w) {
            this.weights = w;
            return this;
        }

        public PlanningProblem build() {
            return new PlanningProblem(this);
        }

        private static double[] filled(int n, double value) {
            double[] a = new double[n];
            Arrays.fill(a, value);
            return a;
        }
    }
}
