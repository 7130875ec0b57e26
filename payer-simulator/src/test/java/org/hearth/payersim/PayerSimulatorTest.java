package org.hearth.payersim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PayerSimulatorTest {

    PayerSimulator simulator;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        simulator = new PayerSimulator(0, Duration.ofMillis(300));
        simulator.start();
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    HttpResponse<String> inquire(String memberId) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulator.port() + "/x12/270"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"transactionSetIdentifierCode\":\"270\","
                                + "\"subscriber\":{\"memberId\":\"" + memberId + "\"},"
                                + "\"eligibilityOrBenefitInquiry\":[{\"serviceTypeCode\":\"42\"}]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersEachCaseByMemberIdPrefix() throws Exception {
        assertThat(inquire("A100").body()).contains("\"eligibilityOrBenefitInformationCode\":\"1\"", "\"42\"");
        assertThat(inquire("I100").body()).contains("\"eligibilityOrBenefitInformationCode\":\"6\"");
        assertThat(inquire("N100").body()).contains("\"rejectReasonCode\":\"75\"");
        assertThat(inquire("E100").statusCode()).isEqualTo(503);
        long started = System.nanoTime();
        assertThat(inquire("S100").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void refusesAnInquiryWithoutAMember() throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulator.port() + "/x12/270"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"rejectReasonCode\":\"72\"");
    }
}
