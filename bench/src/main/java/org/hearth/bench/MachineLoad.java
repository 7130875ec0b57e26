package org.hearth.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Every benchmark's first line: the machine's load average before the run, and at exit after it. A run on a machine
 * already busier than its cores measures the machine, not Hearth, so it is refused, unless {@code
 * HEARTH_BENCH_ANY_LOAD=1} asks for it anyway, and then every figure it prints is flagged as not comparable.
 */
public final class MachineLoad {

    /** The exit status of a refused run: the figures were never taken. */
    public static final int REFUSED = 3;

    private MachineLoad() {}

    /** Prints the load, refuses the run when the machine is busier than its cores, prints the load again at exit. */
    public static void guard(String benchmark) {
        int cores = Runtime.getRuntime().availableProcessors();
        double before = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        boolean anyway = "1".equals(System.getenv("HEARTH_BENCH_ANY_LOAD"));
        System.out.printf(Locale.ROOT, "%s: load average before %.2f on %d cores%n", benchmark, before, cores);
        if (before > cores) {
            if (!anyway) {
                System.out.printf(
                        Locale.ROOT,
                        "%s: REFUSED: the load (%.2f) is above the core count (%d); stop other "
                                + "builds, stacks and tests and run again (HEARTH_BENCH_ANY_LOAD=1 runs it anyway, flagged)%n",
                        benchmark,
                        before,
                        cores);
                System.exit(REFUSED);
            }
            System.out.printf(
                    Locale.ROOT,
                    "%s: FLAGGED: run at a load above the core count; its figures are not "
                            + "comparable with a quiet run%n",
                    benchmark);
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> System.out.printf(
                        Locale.ROOT,
                        "%s: load average after %.2f on %d cores%n",
                        benchmark,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                        cores)));
    }
}
