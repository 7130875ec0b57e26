package org.hearth.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole stack, started and stopped with the same {@code ./hearth} launcher a developer uses, in its own
 * home under {@code target/} and on its own ports so that it never meets a developer's running stack.
 */
final class LocalStack {

    /** {@code -Dhearth.stack.offset=3000} moves every port, so that two checkouts can run system tests at once (not 1000:
     * each service also holds its port + 1000 for the actuator). */
    static final int OFFSET = Integer.getInteger("hearth.stack.offset", 0);

    static final int GATEWAY_PORT = 18080 + OFFSET;
    static final int KEYCLOAK_PORT = 18180 + OFFSET;
    static final int KAFKA_PORT = 19092 + OFFSET;
    static final int MONGO_PORT = 27018 + OFFSET;

    private final Map<String, String> ports;
    private final int offset;
    private final Path root =
            Path.of(System.getProperty("hearth.root", "..")).toAbsolutePath().normalize();
    private final Path home;

    /** The shared stack of the system tests ({@link SharedStack}). */
    LocalStack() {
        this("hearth-stack", OFFSET, Map.of());
    }

    /**
     * Another stack beside the shared one: its own home ({@code target/<name>}), every port moved by {@code offset}
     * and the launcher's environment extended (e.g. {@code HEARTH_REPLICAS=2}).
     */
    LocalStack(String name, int offset, Map<String, String> environment) {
        this.offset = offset;
        Map<String, String> all = new java.util.HashMap<>(Map.ofEntries(
                Map.entry("HEARTH_GATEWAY_PORT", String.valueOf(18080 + offset)),
                Map.entry("HEARTH_PATIENT_PORT", String.valueOf(18081 + offset)),
                Map.entry("HEARTH_SCHEDULING_PORT", String.valueOf(18082 + offset)),
                Map.entry("HEARTH_MESSAGING_PORT", String.valueOf(18083 + offset)),
                Map.entry("HEARTH_BILLING_PORT", String.valueOf(18084 + offset)),
                Map.entry("HEARTH_AUDIT_PORT", String.valueOf(18085 + offset)),
                Map.entry("HEARTH_KEYCLOAK_PORT", String.valueOf(18180 + offset)),
                Map.entry("HEARTH_KEYCLOAK_MANAGEMENT_PORT", String.valueOf(19000 + offset)),
                Map.entry("HEARTH_KAFKA_PORT", String.valueOf(19092 + offset)),
                Map.entry("HEARTH_KAFKA_CONTROLLER_PORT", String.valueOf(19093 + offset)),
                Map.entry("HEARTH_MONGO_PORT", String.valueOf(27018 + offset)),
                Map.entry("HEARTH_PAYER_PORT", String.valueOf(18090 + offset)),
                Map.entry("HEARTH_REDIS_PORT", String.valueOf(16379 + offset))));
        all.putAll(environment);
        this.ports = Map.copyOf(all);
        Path stacks = Path.of(System.getProperty("hearth.stack.home", "target/hearth-stack"))
                .toAbsolutePath();
        this.home = stacks.resolveSibling(name + (offset == 0 ? "" : "-" + offset));
    }

    int gatewayPort() {
        return 18080 + offset;
    }

    int keycloakPort() {
        return 18180 + offset;
    }

    Path home() {
        return home;
    }

    /** Starts from nothing, as on a fresh machine: Keycloak imports the realm only into an empty database. */
    void up() {
        run(List.of("clean"), 180);
        run(List.of("up"), 600);
    }

    void down() {
        run(List.of("down"), 180);
    }

    /** A launcher command on the running stack (e.g. {@code kill kafka}, {@code start kafka}); fails on a non-zero exit. */
    void launcher(int timeoutSeconds, String... command) {
        run(List.of(command), timeoutSeconds);
    }

    /** A launcher command whose output the caller reads, whatever its exit code (e.g. {@code check}). */
    Outcome call(int timeoutSeconds, Map<String, String> environment, String... command) {
        try {
            Path output = Files.createTempFile(home, "launcher", ".out");
            try {
                ProcessBuilder builder = launcherProcess(List.of(command))
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(
                            "./hearth " + List.of(command) + " did not finish in " + timeoutSeconds + " s");
                }
                return new Outcome(process.exitValue(), Files.readString(output));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run ./hearth " + List.of(command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Exit code and output of one launcher command. */
    record Outcome(int exitCode, String output) {}

    /** The log file of one part of the stack ({@code patient-service}, {@code kafka}, …). */
    Path log(String part) {
        return home.resolve("logs").resolve(part + ".log");
    }

    /** Pid files of processes the launcher still believes it runs. */
    List<Path> pidFiles() throws IOException {
        Path run = home.resolve("run");
        if (!Files.isDirectory(run)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(run)) {
            return files.filter(f -> f.toString().endsWith(".pid")).toList();
        }
    }

    String keycloakAdminPassword() throws IOException {
        return Files.readString(home.resolve("keycloak-admin-password")).strip();
    }

    private void run(List<String> command, int timeoutSeconds) {
        Path log = home.resolve("launcher.log");
        try {
            Files.createDirectories(home);
            ProcessBuilder builder = launcherProcess(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("./hearth " + command + " did not finish in " + timeoutSeconds
                        + " s; see " + log + "\n" + tail(log));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("./hearth " + command + " failed (exit " + process.exitValue()
                        + "); see " + log + " and " + home.resolve("logs") + "\n" + tail(log));
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run ./hearth " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ProcessBuilder launcherProcess(List<String> command) throws IOException {
        Files.createDirectories(home);
        ProcessBuilder builder = new ProcessBuilder(
                        Stream.concat(Stream.of(root.resolve("hearth").toString()), command.stream())
                                .toList())
                .directory(root.toFile());
        builder.environment().putAll(ports);
        builder.environment().put("HEARTH_HOME", home.toString());
        // the Keycloak zip is shared with the developer's own stack so it is downloaded once per machine
        builder.environment().put("HEARTH_DIST", root.resolve(".hearth/dist").toString());
        builder.environment().put("HEARTH_NO_BUILD", "1"); // the reactor has just packaged every jar
        builder.environment().put("HEARTH_UP_TIMEOUT", "540"); // a loaded CI machine starts Keycloak slowly
        // a partner contract of 5 requests/s that the rate-limit test can exceed however slow the machine is; people
        // get a budget the fuzz suite's thousands of requests do not exhaust (it measures validation, not the limiter)
        // the request and event-handling lines (DEBUG) let TraceIT follow one request's trace id through every log
        builder.environment().put("SPRING_APPLICATION_JSON", """
                {"hearth":{"gateway":{"rate-limit":{"clients":{"sunrise-metered":{"per-second":5,"burst":10}},\
                "per-caller":{"per-second":500,"burst":1000},"per-agency":{"per-second":2000,"burst":4000}}}},\
                "logging":{"level":{"org.hearth.platform.observability.RequestLog":"DEBUG",\
                "org.hearth.platform.events.EventEdge":"DEBUG","org.hearth.gateway.correlation.RequestLog":"DEBUG"}}}""");
        return builder;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no launcher log)";
        }
    }
}
