package org.hearth.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading a patient summary (patient, care team, active plan of care) from a running stack ({@code ./hearth up}),
 * straight from patient-service and through the gateway, side by side in one run. Sets up its own patient with
 * a completed assessment and a signed plan through the public API, with real Keycloak tokens.
 *
 * <p>Usage: {@code PatientSummaryBench [gatewayUrl] [patientServiceUrl] [keycloakUrl] [concurrency] [seconds]}
 */
public final class PatientSummaryBench {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    private PatientSummaryBench() {}

    public static void main(String[] args) throws Exception {
        MachineLoad.guard("S1 gateway");
        String gateway = arg(args, 0, "http://127.0.0.1:8080");
        String service = arg(args, 1, "http://127.0.0.1:8081");
        String keycloak = arg(args, 2, "http://127.0.0.1:8180");
        int concurrency = Integer.parseInt(arg(args, 3, "8"));
        Duration measure = Duration.ofSeconds(Long.parseLong(arg(args, 4, "15")));

        String carla = token(keycloak, "carla.coordinator");
        String patel = token(keycloak, "dr.patel");
        String patelSub = claim(patel, "sub");
        String patient = setUp(gateway, carla, patel, patelSub);
        String path = "/api/patients/v1/patients/" + patient + "/summary";

        System.out.printf(
                "Patient summary read, %d concurrent clients, %d s each after 5 s warm-up, token of %s%n",
                concurrency, measure.toSeconds(), "dr.patel (lead physician)");
        HttpLoad.Result direct = HttpLoad.run(
                "patient-service direct",
                URI.create(service + path),
                patel,
                concurrency,
                Duration.ofSeconds(5),
                measure);
        System.out.println(direct);
        HttpLoad.Result viaGateway = HttpLoad.run(
                "through the gateway", URI.create(gateway + path), patel, concurrency, Duration.ofSeconds(5), measure);
        System.out.println(viaGateway);
        System.out.printf(
                "gateway / direct: throughput %.2fx, p50 %+.2f ms, p99 %+.2f ms%n",
                viaGateway.throughput() / direct.throughput(),
                (viaGateway.p50Micros() - direct.p50Micros()) / 1000.0,
                (viaGateway.p99Micros() - direct.p99Micros()) / 1000.0);
    }

    /** Jane Bench: admitted, assessed, Dr Patel as lead, a signed plan. Returns her id. */
    static String setUp(String gateway, String carla, String patel, String patelSub) throws Exception {
        String base = gateway + "/api/patients/v1/patients";
        String created = send("POST", base, carla, null, """
                {"givenName":"Jane","familyName":"Bench","birthDate":"1940-01-01",
                 "address":{"line1":"1 Bench Way","city":"Springfield","state":"IL","postalCode":"62701"}}""");
        Matcher m = ID.matcher(created);
        if (!m.find()) {
            throw new IllegalStateException("admission failed: " + created);
        }
        String id = m.group(1);
        send("PUT", base + "/" + id + "/care-team", carla, "\"0\"", """
                {"members":[{"subject":"%s","role":"PHYSICIAN","displayName":"Dr Patel","lead":true}]}""".formatted(patelSub));
        send("PUT", base + "/" + id + "/assessment", carla, "\"0\"", Fixtures.ASSESSMENT);
        send("POST", base + "/" + id + "/assessment/completion", carla, "\"1\"", null);
        send("PUT", base + "/" + id + "/care-plan/draft", carla, "\"0\"", Fixtures.PLAN);
        send("POST", base + "/" + id + "/care-plan/draft/signature", patel, "\"1\"", null);
        return id;
    }

    static String send(String method, String url, String token, String ifMatch, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", "bench-" + UUID.randomUUID())
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** A demo user's access token (password grant of the local-only {@code hearth-cli} client). */
    public static String token(String keycloak, String user) throws Exception {
        String form = "grant_type=password&client_id=hearth-cli&username="
                + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=Hearth-Demo-2026";
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(keycloak + "/realms/hearth/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no token for " + user + ": " + response.body());
        }
        return m.group(1);
    }

    public static String claim(String jwt, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(payload);
        if (!m.find()) {
            throw new IllegalStateException("token has no " + name);
        }
        return m.group(1);
    }

    private static String arg(String[] args, int i, String fallback) {
        return args.length > i ? args[i] : fallback;
    }
}
