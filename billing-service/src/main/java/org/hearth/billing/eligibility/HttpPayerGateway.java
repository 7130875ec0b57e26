package org.hearth.billing.eligibility;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to a payer endpoint in X12-shaped JSON. Each attempt has a time-out; time-outs, connection failures and 5xx
 * answers are retried up to {@code attempts} times with doubling back-off, then end as TIMEOUT or ERROR. The worst
 * case is bounded: attempts × time-out + the back-offs.
 */
public class HttpPayerGateway implements PayerGateway {

    private static final Logger log = LoggerFactory.getLogger(HttpPayerGateway.class);

    private final URI base;
    private final Duration timeout;
    private final int attempts;
    private final Duration backOff;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    public HttpPayerGateway(URI base, Duration timeout, int attempts, Duration backOff) {
        this.base = base;
        this.timeout = timeout;
        this.attempts = attempts;
        this.backOff = backOff;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Answer checkEligibility(String payerCode, String memberId) {
        String inquiry = json.writeValueAsString(Map.of(
                "transactionSetIdentifierCode", "270",
                "informationSource", Map.of("payerId", payerCode),
                "subscriber", Map.of("memberId", memberId),
                "eligibilityOrBenefitInquiry", java.util.List.of(Map.of("serviceTypeCode", HOME_HEALTH))));
        return exchange("/x12/270", inquiry, HttpPayerGateway::readEligibility);
    }

    @Override
    public Answer submitAuthorization(
            String payerCode, String memberId, String discipline, int units, boolean expedited) {
        String request = json.writeValueAsString(Map.of(
                "transactionSetIdentifierCode", "278",
                "informationSource", Map.of("payerId", payerCode),
                "subscriber", Map.of("memberId", memberId),
                "serviceReview",
                        Map.of(
                                "serviceTypeCode",
                                HOME_HEALTH,
                                "discipline",
                                discipline,
                                "quantity",
                                units,
                                "certificationType",
                                expedited ? "urgent" : "standard")));
        return exchange(
                "/x12/278",
                request,
                (body, n) -> new Answer(
                        Status.ACTIVE,
                        n,
                        body.path("healthCareServicesReview")
                                .path("reviewIdentificationNumber")
                                .asString(null)));
    }

    private Answer exchange(String path, String body, java.util.function.BiFunction<JsonNode, Integer, Answer> read) {
        Status last = Status.ERROR;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(base.resolve(path))
                                .timeout(timeout)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 500) {
                    if (response.statusCode() >= 400) {
                        return new Answer(Status.ERROR, attempt, null); // our request is wrong: retrying will not help
                    }
                    return read.apply(json.readTree(response.body()), attempt);
                }
                last = Status.ERROR;
                log.warn(
                        "Payer endpoint {} answered {} (attempt {}/{})",
                        path,
                        response.statusCode(),
                        attempt,
                        attempts);
            } catch (HttpTimeoutException e) {
                last = Status.TIMEOUT;
                log.warn("Payer endpoint {} timed out after {} (attempt {}/{})", path, timeout, attempt, attempts);
            } catch (IOException e) {
                last = Status.ERROR;
                log.warn("Payer endpoint {} unreachable: {} (attempt {}/{})", path, e.getMessage(), attempt, attempts);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(Status.ERROR, attempt, null);
            }
            if (attempt < attempts && !pause(backOff.multipliedBy(1L << (attempt - 1)))) {
                return new Answer(last, attempt, null);
            }
        }
        return new Answer(last, attempts, null);
    }

    static Answer readEligibility(JsonNode response, int attempts) {
        String control = response.path("controlNumber").asString(null);
        for (JsonNode error : response.path("errors")) {
            if ("75".equals(error.path("rejectReasonCode").asString())) {
                return new Answer(Status.NOT_FOUND, attempts, control);
            }
            return new Answer(Status.ERROR, attempts, control);
        }
        for (JsonNode benefit : response.path("benefits")) {
            String code = benefit.path("eligibilityOrBenefitInformationCode").asString();
            if ("1".equals(code)) {
                return new Answer(Status.ACTIVE, attempts, control);
            }
            if ("6".equals(code)) {
                return new Answer(Status.INACTIVE, attempts, control);
            }
        }
        return new Answer(Status.ERROR, attempts, control);
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
