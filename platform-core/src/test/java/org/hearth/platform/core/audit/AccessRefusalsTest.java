package org.hearth.platform.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one AccessRefused.v1 of the services and the gateway, read as the audit service reads it. */
class AccessRefusalsTest {

    final AccessRefusals refusals = new AccessRefusals(
            null, "/hearth/patient-service", Clock.fixed(Instant.parse("2030-01-07T15:00:00Z"), ZoneOffset.UTC));

    @Test
    void aRefusalWithAReadTokenNamesTheCallerAndItsAgency() {
        ProducerRecord<String, String> record = refusals.record(new AccessRefusals.Refusal(
                403,
                "forbidden",
                "GET",
                "/api/patients/v1/patients/p-1/care-plan",
                new AccessRefusals.Caller("ron", "Ron Weasley", "hearth-web", "sunrise", "agency-1"),
                "10.0.0.7",
                "corr-1"));
        JsonNode event = JsonMapper.builder().build().readTree(record.value());

        assertThat(record.topic()).isEqualTo("hearth.audit");
        assertThat(record.key()).isEqualTo(event.path("auditId").asString()).isEqualTo(header(record, "ce_id"));
        assertThat(header(record, "ce_type")).isEqualTo("org.hearth.audit.AccessRefused.v1");
        assertThat(header(record, "ce_source"))
                .isEqualTo("/hearth/patient-service")
                .isEqualTo(event.path("source").asString());
        assertThat(header(record, "ce_time"))
                .isEqualTo("2030-01-07T15:00:00Z")
                .isEqualTo(event.path("at").asString());
        assertThat(header(record, "ce_tenantid")).isEqualTo("agency-1");
        assertThat(header(record, "ce_correlationid")).isEqualTo("corr-1");
        assertThat(event.path("outcome").asInt()).isEqualTo(403);
        assertThat(event.path("actor").asString()).isEqualTo("ron");
        assertThat(event.path("actorName").asString()).isEqualTo("Ron Weasley");
        assertThat(event.path("clientId").asString()).isEqualTo("hearth-web");
        assertThat(event.path("organization").asString()).isEqualTo("sunrise");
        assertThat(event.path("agency").asString()).isEqualTo("agency-1");
        assertThat(event.path("address").asString()).isEqualTo("10.0.0.7");
        assertThat(event.path("path").asString()).isEqualTo("/api/patients/v1/patients/p-1/care-plan");
    }

    @Test
    void aRefusalWithoutATokenNamesNoCallerAndNoAgency() {
        ProducerRecord<String, String> record = refusals.record(
                new AccessRefusals.Refusal(401, "no token", "POST", "/api/scheduling/v1/visits", null, null, "corr-2"));
        JsonNode event = JsonMapper.builder().build().readTree(record.value());

        assertThat(event.has("actor")).isFalse();
        assertThat(event.has("agency")).isFalse();
        assertThat(event.has("address")).isFalse();
        assertThat(record.headers().lastHeader("ce_tenantid")).isNull();
        assertThat(event.path("reason").asString()).isEqualTo("no token");
        assertThat(event.path("method").asString()).isEqualTo("POST");
        assertThat(event.path("correlationId").asString()).isEqualTo("corr-2");
    }

    @Test
    void aSendThatCannotReachKafkaIsLoggedNotThrown() {
        refusals.send(new AccessRefusals.Refusal(401, "no token", "GET", "/api/x", null, null, null));
    }

    static String header(ProducerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
