package org.hearth.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.hearth.platform.test.ApiClient;
import org.hearth.system.MalformedRequests.Probe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Issue 20's fuzz suite: reads every service's OpenAPI document through the gateway, generates malformed requests for
 * every documented operation ({@link MalformedRequests}) and sends each through the gateway six times, with the real
 * tokens of six different people (one who may do the operation, five chosen in turn among the other personas and the
 * other agency: refusals must be as clean before validation as after it). It prints the requests sent, the answers by status, the 5xx count (must be 0), the share of 4xx answers that
 * are problem+json with the security headers (must be 100 %), malformed requests accepted (must be 0), and that the
 * malformed phase stored nothing: no document of any service database carries the marker text that every free-text
 * value of the sample bodies holds (read after the malformed phase, before the odd one whose probes may be valid).
 * <p>
 * The system-test stack gives people a high rate budget ({@link LocalStack}): this suite measures validation, not the
 * limiter, which {@code TokensAndLimitsIT} tests. A 429 is retried after its {@code Retry-After} and not counted.
 */
@ExtendWith(SharedStack.class)
class FuzzIT {

    static final Keycloak KEYCLOAK = new Keycloak(LocalStack.KEYCLOAK_PORT);
    static final ApiClient GATEWAY = ApiClient.onPort(LocalStack.GATEWAY_PORT);
    static final int MINIMUM_REQUESTS = 20_000;
    static final int OTHERS_PER_PROBE = 5;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4))
            .build();

    @Test
    void malformedRequestsToEveryOperationAreRefusedWithProblemDetailsAndStoreNothing() throws Exception {
        String jane = janeDoe();
        String marker = "fuzz" + Long.toHexString(System.nanoTime());
        List<Probe> malformed = new ArrayList<>();
        List<Probe> odd = new ArrayList<>();
        for (String service : OpenApiOperations.SERVICES) {
            JsonNode document =
                    GATEWAY.get("/api/" + service + "/v3/api-docs", null).json();
            for (Probe probe : new MalformedRequests(
                            document, variable -> variable.equals("patientId") ? jane : null, marker)
                    .probes()) {
                (probe.malformed() ? malformed : odd).add(probe);
            }
        }
        List<FreshToken> privileged = List.of(person("carla.coordinator"), person("alice.admin"));
        List<FreshToken> others = List.of(
                person("dr.patel"),
                person("nina.nurse"),
                person("bill.billing"),
                person("fran.family"),
                new FreshToken(() -> KEYCLOAK.partnerToken("sunrise-partner", "sunrise-partner-secret")),
                person("rita.coordinator"),
                person("rob.admin"),
                person("dr.rivera"),
                new FreshToken(() -> KEYCLOAK.partnerToken("riverbend-partner", "riverbend-partner-secret")));

        Tally tally = new Tally();
        long started = System.nanoTime();
        send(malformed, privileged, others, tally);
        List<String> stored = documentsCarrying(marker);
        send(odd, privileged, others, tally);
        double seconds = (System.nanoTime() - started) / 1e9;
        // the same search after the odd probes, some of which are valid writes: shows that the search finds what is
        // stored
        System.out.println("FUZZ after the odd (possibly valid) probes, documents carrying the marker: "
                + documentsCarrying(marker));
        System.out.print(tally.report(malformed.size() + odd.size(), seconds, stored));

        assertThat(tally.requests.sum()).as("requests sent").isGreaterThanOrEqualTo(MINIMUM_REQUESTS);
        assertThat(tally.failures)
                .as("5xx answers, bare 4xx answers and accepted malformed requests")
                .isEmpty();
        assertThat(stored)
                .as("collections changed by refused malformed requests")
                .isEmpty();
    }

    /** Each probe by a person who may do the operation, and by {@value #OTHERS_PER_PROBE} of the others in turn. */
    private static void send(List<Probe> probes, List<FreshToken> privileged, List<FreshToken> others, Tally tally)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(12);
        AtomicInteger turn = new AtomicInteger();
        for (Probe probe : probes) {
            int n = turn.getAndIncrement();
            pool.submit(() -> tally.record(
                    probe, call(probe, privileged.get(n % privileged.size()).get())));
            for (int k = 0; k < OTHERS_PER_PROBE; k++) {
                FreshToken other = others.get((n + 2 * k) % others.size());
                pool.submit(() -> tally.record(probe, call(probe, other.get())));
            }
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(15, TimeUnit.MINUTES))
                .as("the fuzz run finished")
                .isTrue();
    }

    private static HttpResponse<String> call(Probe probe, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + LocalStack.GATEWAY_PORT + probe.path()))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json");
        probe.headers().forEach(request::setHeader);
        request.method(
                probe.method(),
                probe.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 429 && attempt < 20) {
                    Thread.sleep(1000L
                            * Long.parseLong(
                                    response.headers().firstValue("Retry-After").orElse("1")));
                    continue;
                }
                // the store too busy to answer in time says so (503 with Retry-After); a client honours it. Counted
                // and printed; a request still refused after five tries is a failure like any 5xx
                if (storeBusy(response) && attempt < 5) {
                    BUSY_RETRIES.increment();
                    Thread.sleep(1000L
                            * Long.parseLong(
                                    response.headers().firstValue("Retry-After").orElse("2")));
                    continue;
                }
                return response;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.io.IOException e) {
                if (attempt >= 2) {
                    throw new IllegalStateException(probe.operation() + " " + probe.kind() + ": " + e, e);
                }
            }
        }
    }

    static final LongAdder BUSY_RETRIES = new LongAdder();

    private static boolean storeBusy(HttpResponse<String> response) {
        return response.statusCode() == 503
                && response.headers().firstValue("Retry-After").isPresent()
                && response.body().contains("/problems/store-unavailable");
    }

    private static FreshToken person(String username) {
        return new FreshToken(() -> KEYCLOAK.userToken(username));
    }

    /** A token fetched again after a minute, so that a long run never sends an expired one. */
    static final class FreshToken {
        private final java.util.function.Supplier<String> grant;
        private String token;
        private long fetchedAt;

        FreshToken(java.util.function.Supplier<String> grant) {
            this.grant = grant;
        }

        synchronized String get() {
            if (token == null || System.nanoTime() - fetchedAt > TimeUnit.SECONDS.toNanos(60)) {
                token = grant.get();
                fetchedAt = System.nanoTime();
            }
            return token;
        }
    }

    /** Answers counted by status class and by probe kind, and every answer that breaks a rule. */
    static final class Tally {
        final LongAdder requests = new LongAdder();
        final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
        final LongAdder clientErrors = new LongAdder();
        final LongAdder problemClientErrors = new LongAdder();
        final LongAdder malformedAccepted = new LongAdder();
        final LongAdder serverErrors = new LongAdder();
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());

        void record(Probe probe, HttpResponse<String> response) {
            requests.increment();
            int status = response.statusCode();
            byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
            String what = probe.operation() + " [" + probe.kind() + "] → " + status;
            if (status >= 500) {
                serverErrors.increment();
                failures.add(what + " " + abbreviate(response.body()));
            } else if (status >= 400) {
                clientErrors.increment();
                String type = response.headers().firstValue("Content-Type").orElse("");
                boolean nosniff = response.headers()
                        .firstValue("X-Content-Type-Options")
                        .orElse("")
                        .equals("nosniff");
                if (type.startsWith("application/problem+json") && nosniff) {
                    problemClientErrors.increment();
                } else {
                    failures.add(what + " not problem+json with security headers (" + type + ", nosniff " + nosniff
                            + ") " + abbreviate(response.body()));
                }
            } else if (probe.malformed()) {
                malformedAccepted.increment();
                failures.add(what + " accepted a malformed request");
            }
        }

        String report(int probes, double seconds, List<String> stored) {
            StringBuilder out = new StringBuilder("\nFUZZ ")
                    .append(probes)
                    .append(" probes from the OpenAPI documents, ")
                    .append(requests.sum())
                    .append(" requests in ")
                    .append(String.format("%.0f s", seconds))
                    .append(String.format(" (%.0f/s)%n", requests.sum() / seconds));
            out.append("FUZZ answers by status: ")
                    .append(new TreeMap<>(byStatus))
                    .append('\n');
            out.append("FUZZ answers \"store busy, retry after\" (503) retried as told: ")
                    .append(BUSY_RETRIES.sum())
                    .append('\n');
            out.append(String.format(
                    "FUZZ 5xx: %d; 4xx that are problem+json with security headers: %d of %d (%.2f %%); "
                            + "malformed requests accepted: %d; collections holding data of refused requests: %d%n",
                    serverErrors.sum(),
                    problemClientErrors.sum(),
                    clientErrors.sum(),
                    clientErrors.sum() == 0 ? 100.0 : 100.0 * problemClientErrors.sum() / clientErrors.sum(),
                    malformedAccepted.sum(),
                    stored.size()));
            Set<String> distinct = new java.util.TreeSet<>(failures);
            distinct.stream()
                    .limit(60)
                    .forEach(f -> out.append("FUZZ FAILURE ").append(f).append('\n'));
            stored.forEach(s -> out.append("FUZZ STORED ").append(s).append('\n'));
            return out.toString();
        }

        private static String abbreviate(String body) {
            String flat = body == null ? "" : body.replaceAll("\\s+", " ");
            return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
        }
    }

    /** "db.collection: count" of every service collection holding documents that contain the marker. */
    private static List<String> documentsCarrying(String marker) {
        List<String> found = new ArrayList<>();
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + LocalStack.MONGO_PORT)) {
            for (String database : mongo.listDatabaseNames()) {
                if (!database.startsWith("hearth")) {
                    continue;
                }
                MongoDatabase db = mongo.getDatabase(database);
                for (String collection : db.listCollectionNames()) {
                    long carrying = 0;
                    for (org.bson.Document document :
                            db.getCollection(collection).find()) {
                        if (document.toJson().contains(marker)) {
                            carrying++;
                        }
                    }
                    if (carrying > 0) {
                        found.add(database + "." + collection + ": " + carrying);
                    }
                }
            }
        }
        return found;
    }

    private static String janeDoe() {
        JsonNode patients = GATEWAY.get("/api/patients/v1/patients?size=200", KEYCLOAK.userToken("carla.coordinator"))
                .json();
        for (JsonNode patient : patients.path("items")) {
            if (patient.path("givenName").asString().equals("Jane")
                    && patient.path("familyName").asString().equals("Doe")) {
                return patient.path("id").asString();
            }
        }
        throw new IllegalStateException("the demo patient Jane Doe is missing");
    }
}
