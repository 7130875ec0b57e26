package org.hearth.payersim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A payer at the edge of the world Hearth does not control. It answers an X12 270 eligibility inquiry (as JSON, the
 * shape clearinghouses such as Change Healthcare and Availity expose) with a 271 response, and a 278 prior
 * authorization request with a tracking number. Answers are deterministic by member id prefix, so tests and demos
 * can ask for each case:
 * <ul>
 *   <li>{@code A…} active coverage for home health (service type 42), {@code I…} inactive;</li>
 *   <li>{@code N…} subscriber not found (AAA reject reason 75);</li>
 *   <li>{@code S…} slow: answers after {@code --slow-ms} (default 10 s), to exercise time-outs;</li>
 *   <li>{@code E…} HTTP 503, to exercise retries.</li>
 * </ul>
 * Usage: {@code java -cp payer-simulator.jar org.hearth.payersim.PayerSimulator <port> [--slow-ms N]}. Binds to
 * 127.0.0.1 only.
 */
public final class PayerSimulator {

    private static final Pattern MEMBER_ID = Pattern.compile("\"memberId\"\\s*:\\s*\"([^\"]{1,64})\"");
    private static final Pattern SERVICE_TYPE = Pattern.compile("\"serviceTypeCode\"\\s*:\\s*\"([0-9A-Z]{1,3})\"");

    private final HttpServer server;
    private final Duration slow;

    public PayerSimulator(int port, Duration slow) throws IOException {
        this.slow = slow;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/x12/270", this::eligibility);
        server.createContext("/x12/278", this::priorAuthorization);
        server.createContext("/health", exchange -> respond(exchange, 200, "{\"status\":\"UP\"}"));
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
        long slowMs = 10_000;
        for (int i = 1; i < args.length - 1; i++) {
            if ("--slow-ms".equals(args[i])) {
                slowMs = Long.parseLong(args[i + 1]);
            }
        }
        PayerSimulator simulator = new PayerSimulator(port, Duration.ofMillis(slowMs));
        simulator.start();
        System.out.println("payer simulator listening on 127.0.0.1:" + simulator.port());
    }

    public void start() {
        server.start();
    }

    public void stop() {
        server.stop(0);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void eligibility(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "{\"error\":\"POST a 270 inquiry\"}");
            return;
        }
        String body = read(exchange.getRequestBody());
        Matcher member = MEMBER_ID.matcher(body);
        if (!member.find()) {
            respond(
                    exchange,
                    400,
                    "{\"transactionSetIdentifierCode\":\"271\",\"errors\":[{\"rejectReasonCode\":\"72\","
                            + "\"description\":\"Invalid/Missing Subscriber/Insured ID\"}]}");
            return;
        }
        String memberId = member.group(1);
        Matcher serviceType = SERVICE_TYPE.matcher(body);
        String service = serviceType.find() ? serviceType.group(1) : "42";
        String control = UUID.randomUUID().toString().substring(0, 9);
        switch (Character.toUpperCase(memberId.charAt(0))) {
            case 'S' -> {
                sleep(slow);
                respond(exchange, 200, benefit(control, memberId, service, "1", "Active Coverage"));
            }
            case 'E' -> respond(exchange, 503, "{\"error\":\"payer system unavailable\"}");
            case 'N' ->
                respond(
                        exchange,
                        200,
                        "{\"transactionSetIdentifierCode\":\"271\",\"controlNumber\":\"" + control
                                + "\",\"subscriber\":{\"memberId\":\"" + memberId
                                + "\"},\"errors\":[{\"rejectReasonCode\":\"75\","
                                + "\"description\":\"Subscriber/Insured Not Found\",\"followUpActionCode\":\"C\"}]}");
            case 'I' -> respond(exchange, 200, benefit(control, memberId, service, "6", "Inactive"));
            default -> respond(exchange, 200, benefit(control, memberId, service, "1", "Active Coverage"));
        }
    }

    private void priorAuthorization(HttpExchange exchange) throws IOException {
        String body = read(exchange.getRequestBody());
        Matcher member = MEMBER_ID.matcher(body);
        if (!"POST".equals(exchange.getRequestMethod()) || !member.find()) {
            respond(exchange, 400, "{\"error\":\"POST a 278 request with subscriber.memberId\"}");
            return;
        }
        if (member.group(1).toUpperCase().startsWith("E")) {
            respond(exchange, 503, "{\"error\":\"payer system unavailable\"}");
            return;
        }
        respond(
                exchange,
                200,
                "{\"transactionSetIdentifierCode\":\"278\",\"healthCareServicesReview\":"
                        + "{\"actionCode\":\"A4\",\"description\":\"Pended\",\"reviewIdentificationNumber\":\"PA-"
                        + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "\"}}");
    }

    private static String benefit(String control, String memberId, String service, String code, String description) {
        return "{\"transactionSetIdentifierCode\":\"271\",\"controlNumber\":\"" + control
                + "\",\"subscriber\":{\"memberId\":\""
                + memberId + "\"},\"benefits\":[{\"eligibilityOrBenefitInformationCode\":\"" + code
                + "\",\"description\":\"" + description + "\",\"serviceTypeCodes\":[\"" + service + "\"]}]}";
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException clientGaveUp) {
            // the caller timed out and closed the connection: nothing to answer
        } finally {
            exchange.close();
        }
    }
}
