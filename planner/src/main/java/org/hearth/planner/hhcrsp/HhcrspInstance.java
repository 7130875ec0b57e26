package org.hearth.planner.hhcrsp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hearth.planner.PlanningProblem;

/**
 * Reads any instance in the format of Mankowska, Meisel &amp; Bierwirth (2014) (see benchmarks/hhcrsp/README.md) and
 * maps it onto the planner: caregivers become workers starting and ending at the depot at minute 0 with no shift
 * end; each required (patient, service) pair becomes a task for the caregivers qualified for that service; the
 * two services of a double-service patient become a synchronized pair on two different workers (simultaneous when
 * mind = maxd = 0, otherwise the lower-numbered service first). Windows: earliest start e_i, tardiness after l_i.
 */
public record HhcrspInstance(
        String name, int nodes, int caregivers, int services, List<int[]> tasks, PlanningProblem problem, Raw raw) {

    /** The instance's data as read, for the independent check of a plan ({@link HhcrspCheck}). */
    public record Raw(
            int[][] qualified,
            List<Integer> doubles,
            double[][] d,
            double[][][] p,
            double[] mind,
            double[] maxd,
            double[] e,
            double[] l) {}

    /** @param tasks each task as {patient node, service} */
    public static HhcrspInstance read(Path file) throws IOException {
        Tokens in = new Tokens(Files.readString(file));
        in.expect("nbNodes");
        int n = in.nextInt();
        in.expect("nbVehi");
        int v = in.nextInt();
        in.expect("nbServi");
        int s = in.nextInt();
        in.expect("r");
        int[][] required = new int[n][s];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < s; k++) {
                required[i][k] = in.nextInt();
            }
        }
        in.expect("DS");
        List<Integer> doubles = new ArrayList<>();
        while (!in.peek().equals("a")) {
            doubles.add(in.nextInt() - 1);
        }
        in.expect("a");
        int[][] qualified = new int[v][s];
        for (int c = 0; c < v; c++) {
            for (int k = 0; k < s; k++) {
                qualified[c][k] = in.nextInt();
            }
        }
        in.expect("x");
        in.skip(n);
        in.expect("y");
        in.skip(n);
        in.expect("d");
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = in.nextDouble();
            }
        }
        in.expect("p");
        double[][][] p = new double[n][v][s];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < v; c++) {
                for (int k = 0; k < s; k++) {
                    p[i][c][k] = in.nextDouble();
                }
            }
        }
        in.expect("mind");
        double[] mind = in.doubles(n);
        in.expect("maxd");
        double[] maxd = in.doubles(n);
        in.expect("e");
        double[] e = in.doubles(n);
        in.expect("l");
        double[] l = in.doubles(n);

        List<int[]> tasks = new ArrayList<>();
        for (int i = 1; i < n - 1; i++) {
            for (int k = 0; k < s; k++) {
                if (required[i][k] == 1) {
                    tasks.add(new int[] {i, k});
                }
            }
        }
        PlanningProblem.Builder b = PlanningProblem.builder(v, tasks.size(), d);
        for (int c = 0; c < v; c++) {
            b.worker(c, 0, 0, 0, PlanningProblem.NONE, Integer.MAX_VALUE);
        }
        for (int t = 0; t < tasks.size(); t++) {
            int node = tasks.get(t)[0];
            int service = tasks.get(t)[1];
            b.location(t, node);
            for (int c = 0; c < v; c++) {
                if (qualified[c][service] == 1) {
                    b.task(t, c, p[node][c][service], e[node], l[node], PlanningProblem.NONE);
                }
            }
        }
        for (int node : doubles) {
            int first = -1;
            int second = -1;
            for (int t = 0; t < tasks.size(); t++) {
                if (tasks.get(t)[0] == node) {
                    if (first < 0) {
                        first = t; // tasks are in service order: the lower-numbered service comes first
                    } else {
                        second = t;
                    }
                }
            }
            if (first < 0 || second < 0) {
                throw new IOException(file + ": double-service patient " + (node + 1) + " does not need two services");
            }
            b.synchronize(first, second, mind[node], maxd[node]);
        }
        String name = file.getFileName().toString();
        return new HhcrspInstance(
                name,
                n,
                v,
                s,
                List.copyOf(tasks),
                b.weights(PlanningProblem.Weights.hhcrsp()).build(),
                new Raw(qualified, List.copyOf(doubles), d, p, mind, maxd, e, l));
    }

    private static final class Tokens {
        private final String[] tokens;
        private int next;

        Tokens(String text) {
            this.tokens = text.trim().split("\\s+");
        }

        String peek() {
            if (next >= tokens.length) {
                throw new IllegalArgumentException("unexpected end of instance");
            }
            return tokens[next];
        }

        void expect(String keyword) {
            String token = peek();
            if (!token.equals(keyword)) {
                throw new IllegalArgumentException("expected block '" + keyword + "' but found '" + token + "'");
            }
            next++;
        }

        int nextInt() {
            return (int) Math.round(nextDouble());
        }

        double nextDouble() {
            return Double.parseDouble(tokens[next++]);
        }

        double[] doubles(int n) {
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = nextDouble();
            }
            return a;
        }

        void skip(int n) {
            next += n;
        }
    }
}
