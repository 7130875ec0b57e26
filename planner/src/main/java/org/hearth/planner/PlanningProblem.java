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
    /** Per task, the other tasks of its once-a-day group: no two of them on workers of the same day. */
    final int[][] sameDailyGroup;
    /** Per task, the other tasks of its spread group (one weekly order), and the day gap wanted between them. */
    final int[][] sameSpread;
    final double[] spreadDays;
    final double spreadWeight;
    /** Per task, the other tasks of its continuity group (one patient's discipline), and who each worker is. */
    final int[][] sameContinuity;
    final int[] workerPerson;
    final double continuityWeight;
    /** The tasks with any home, daily-group or spread rule, so problems without these rules pay nothing for them. */
    final int[] ruled;

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
        this.sameDailyGroup = others(b.dailyGroup, true);
        this.sameSpread = others(b.spreadGroup, true);
        this.spreadDays = b.spreadDays;
        this.spreadWeight = b.spreadWeight;
        this.sameContinuity = others(b.continuityGroup, true);
        this.workerPerson = b.workerPerson;
        this.continuityWeight = b.continuityWeight;
        this.ruled = java.util.stream.IntStream.range(0, tasks).filter(t -> sameHome[t].length > 0
                || sameDailyGroup[t].length > 0 || sameSpread[t].length > 0 || sameContinuity[t].length > 0).toArray();
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
            result[t] = key[t] < 0 ? new int[0] : byKey.get(key[t]).stream().mapToInt(Integer::intValue)
                    .filter(u -> u != self && !(exceptPartner && partner[self] == u)).toArray();
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
        }

        private static int[] filled(int n, int value) {
            int[] a = new int[n];
            Arrays.fill(a, value);
            return a;
        }

        public Builder worker(int w, int startLocation, int endLocation, double shiftStartMinute, double shiftEndMinute,
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
        public Builder task(int t, int w, double minutes, double earliestStart, double latestStart, double deadlineStart) {
            duration[t][w] = minutes;
            earliest[t][w] = earliestStart;
            latest[t][w] = latestStart;
            deadline[t][w] = deadlineStart;
            return this;
        }

        /** A soft cost of worker {@code w} doing task {@code t} (e.g. a clinician the patient has never seen). */
        public Builder preference(int t, int w, double cost) {
            preference[t][w] = cost;
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
         * group never go to workers of the same {@link #workerDay day}, a double-staffed partner excepted. Hard.
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
         * each two of its tasks done by different {@link #workerPerson persons} cost {@code weight} (soft).
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
