package org.hearth.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hearth.platform.test.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of every service's OpenAPI document, read through the gateway, and a way to call each with
 * chosen path variables. The security matrices iterate over this list, so a new endpoint is attacked the
 * day it is documented.
 */
final class OpenApiOperations {

    static final List<String> SERVICES = List.of("patients", "scheduling", "messaging", "billing", "audit");
    static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE", "PATCH");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Operation(String service, String method, String template) {

        List<String> variables() {
            List<String> names = new ArrayList<>();
            Matcher m = VARIABLE.matcher(template);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        /** The literal segment before {@code {variable}}: the collection the variable names a member of. */
        String collectionOf(String variable) {
            String before = template.substring(0, template.indexOf("{" + variable + "}") - 1);
            return before.substring(before.lastIndexOf('/') + 1);
        }

        String path(Map<String, String> values) {
            Matcher m = VARIABLE.matcher(template);
            StringBuilder path = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(
                        path,
                        Matcher.quoteReplacement(values.getOrDefault(
                                m.group(1), UUID.randomUUID().toString())));
            }
            m.appendTail(path);
            return path.toString();
        }

        boolean isStream() {
            return template.endsWith("/events") || template.endsWith("/stream");
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /** An answer; {@code status} 0 when the server kept the request open (an event stream). */
    record Answer(int status, String body) {
        boolean success() {
            return status >= 200 && status < 300;
        }
    }

    static List<Operation> load(ApiClient gateway) {
        List<Operation> operations = new ArrayList<>();
        for (String service : SERVICES) {
            ApiClient.Response docs = gateway.get("/api/" + service + "/v3/api-docs", null);
            if (docs.status() != 200) {
                throw new IllegalStateException("no OpenAPI document of " + service + ": " + docs.status());
            }
            for (Map.Entry<String, JsonNode> path : docs.json().path("paths").properties()) {
                for (String method : path.getValue().propertyNames()) {
                    if (METHODS.contains(method.toUpperCase(Locale.ROOT))) {
                        operations.add(new Operation(service, method.toUpperCase(Locale.ROOT), path.getKey()));
                    }
                }
            }
        }
        return operations;
    }

    static Answer call(String method, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + LocalStack.GATEWAY_PORT + path))
                .timeout(Duration.ofSeconds(5))
                .header(
                        "Accept", // every representation an operation may offer
                        "application/json, application/problem+json, text/event-stream, text/csv, text/calendar, */*;q=0.1");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        boolean body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        request.header("Content-Type", "application/json")
                .header("If-Match", "\"1\"")
                .method(method, body ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        for (int attempt = 0; ; attempt++) {
            try {
                // bounded on the whole body too: an event stream never completes, which is an answer of its own
                java.util.concurrent.CompletableFuture<HttpResponse<String>> pending =
                        HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> response;
                try {
                    response = pending.get(6, java.util.concurrent.TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    pending.cancel(true);
                    return new Answer(0, "");
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof HttpTimeoutException) {
                        return new Answer(0, "");
                    }
                    throw new IllegalStateException(e.getCause());
                }
                // the matrices are many calls by one person (429); a store that is briefly unavailable says when to
                // come back (503): both are answers about the moment, not about who may do what
                if ((response.statusCode() == 429 || response.statusCode() == 503) && attempt < 5) {
                    Thread.sleep(1000L
                            * Long.parseLong(
                                    response.headers().firstValue("Retry-After").orElse("1")));
                    continue;
                }
                return new Answer(response.statusCode(), response.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
