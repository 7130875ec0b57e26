package org.hearth.bench.day;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The stack's processes as {@code ./hearth} started them (each the leader of its own process group, pids from
 * {@code pid_of}): resident memory and CPU time of each whole group, from {@code /proc}, so Keycloak's launcher
 * script and its JVM count as one.
 */
final class StackProcesses {

    /** CPU ticks per second as {@code /proc/<pid>/stat} counts them (USER_HZ, 100 on Linux). */
    static final double TICKS_PER_SECOND = 100;

    /** One process group at one instant. */
    record Reading(long cpuTicks, long rssKib) {}

    private final Map<String, Integer> leaders;

    /** @param spec {@code name=pid,name=pid,…} */
    StackProcesses(String spec) {
        leaders = parse(spec);
    }

    static Map<String, Integer> parse(String spec) {
        Map<String, Integer> leaders = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return leaders;
        }
        for (String part : spec.split(",")) {
            String[] nameAndPid = part.trim().split("=");
            if (nameAndPid.length == 2 && !nameAndPid[1].isBlank()) {
                leaders.put(nameAndPid[0], Integer.parseInt(nameAndPid[1].trim()));
            }
        }
        return leaders;
    }

    boolean isEmpty() {
        return leaders.isEmpty();
    }

    /** Every group's CPU ticks (utime + stime of its members) and resident memory now. */
    Map<String, Reading> read() {
        Map<Integer, List<long[]>> byGroup = new LinkedHashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(p -> {
                        long[] stat = stat(p);
                        if (stat != null && leaders.containsValue((int) stat[0])) {
                            byGroup.computeIfAbsent((int) stat[0], g -> new ArrayList<>())
                                    .add(stat);
                        }
                    });
        } catch (IOException e) {
            return Map.of();
        }
        Map<String, Reading> readings = new LinkedHashMap<>();
        leaders.forEach((name, pid) -> {
            long ticks = 0;
            long rss = 0;
            for (long[] member : byGroup.getOrDefault(pid, List.of())) {
                ticks += member[1];
                rss += member[2];
            }
            readings.put(name, new Reading(ticks, rss));
        });
        return readings;
    }

    /** [process group, utime + stime, RSS in KiB] of one process, or null when it is gone or unreadable. */
    private static long[] stat(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            // the command name may hold spaces and parentheses: the fields after it start at the last ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long pgrp = Long.parseLong(f[2]);
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            long rssPages = Long.parseLong(f[21]);
            return new long[] {pgrp, ticks, rssPages * 4};
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }
}
