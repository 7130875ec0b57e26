package org.hearth.planner;

import java.util.Arrays;

/** Each worker's ordered tasks, and which worker holds each task (-1: unassigned). Mutable, copied for the best. */
public final class Routes {

    final int[][] seq;
    final int[] len;
    final int[] workerOf;

    public Routes(int workers, int tasks) {
        seq = new int[workers][tasks];
        len = new int[workers];
        workerOf = new int[tasks];
        Arrays.fill(workerOf, -1);
    }

    private Routes(Routes other) {
        seq = new int[other.seq.length][];
        for (int w = 0; w < seq.length; w++) {
            seq[w] = other.seq[w].clone();
        }
        len = other.len.clone();
        workerOf = other.workerOf.clone();
    }

    public Routes copy() {
        return new Routes(this);
    }

    public void copyFrom(Routes other) {
        for (int w = 0; w < seq.length; w++) {
            System.arraycopy(other.seq[w], 0, seq[w], 0, other.len[w]);
        }
        System.arraycopy(other.len, 0, len, 0, len.length);
        System.arraycopy(other.workerOf, 0, workerOf, 0, workerOf.length);
    }

    public int workerOf(int t) {
        return workerOf[t];
    }

    public int length(int w) {
        return len[w];
    }

    public int at(int w, int position) {
        return seq[w][position];
    }

    /** The tasks of worker {@code w} in order. */
    public int[] route(int w) {
        return Arrays.copyOf(seq[w], len[w]);
    }

    public void insert(int w, int position, int t) {
        int[] s = seq[w];
        System.arraycopy(s, position, s, position + 1, len[w] - position);
        s[position] = t;
        len[w]++;
        workerOf[t] = w;
    }

    /** Appends at the end of the route (used to build an initial or a given plan). */
    public void append(int w, int t) {
        insert(w, len[w], t);
    }

    /** @return the position the task had */
    public int remove(int t) {
        int w = workerOf[t];
        int[] s = seq[w];
        int position = 0;
        while (s[position] != t) {
            position++;
        }
        System.arraycopy(s, position + 1, s, position, len[w] - position - 1);
        len[w]--;
        workerOf[t] = -1;
        return position;
    }

    public int assignedCount() {
        int n = 0;
        for (int l : len) {
            n += l;
        }
        return n;
    }
}
