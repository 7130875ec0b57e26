package org.hearth.billing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.hearth.payersim.PayerSimulator;

/**
 * Runs the payer simulator as its own process, as the local stack does: a real HTTP hop to a separate JVM. Started
 * once per test JVM, stopped when it exits.
 */
public final class PayerSimulatorProcess {

    private static PayerSimulatorProcess shared;

    private final Process process;
    private final int port;

    private PayerSimulatorProcess(Duration slow) throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        String classes = Path.of(PayerSimulator.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        process = new ProcessBuilder(
                        java,
                        "-Xmx64m",
                        "-cp",
                        classes,
                        PayerSimulator.class.getName(),
                        String.valueOf(port),
                        "--slow-ms",
                        String.valueOf(slow.toMillis()))
                .redirectErrorStream(true)
                .redirectOutput(new File(System.getProperty("java.io.tmpdir"), "payer-simulator.log"))
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        awaitHealthy();
    }

    public static synchronized PayerSimulatorProcess shared() {
        if (shared == null) {
            try {
                shared = new PayerSimulatorProcess(Duration.ofSeconds(3));
            } catch (Exception e) {
                throw new IllegalStateException("payer simulator did not start", e);
            }
        }
        return shared;
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("payer simulator exited with " + process.exitValue());
            }
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create(url() + "health"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("payer simulator not healthy within 20 s");
    }
}
