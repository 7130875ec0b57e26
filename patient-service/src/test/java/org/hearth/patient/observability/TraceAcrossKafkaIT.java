package org.hearth.patient.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.Eventually;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.TestTokenIssuer;
import org.hearth.platform.test.TopicReader;
import org.hearth.platform.test.story.Patients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * One request's trace followed across the Kafka hop inside patient-service: a device reading posted with the
 * caller's {@code traceparent} is stored (MongoDB span), published by the outbox relay (producer span), consumed by
 * the alert rules (consumer span, whose log line carries the trace id) and the alert it raises is published in the
 * same trace. Also: the alert meters move when an alert is raised and acknowledged through the API.
 */
@HearthServiceTest
@Import(TraceAcrossKafkaIT.SpanCapture.class)
class TraceAcrossKafkaIT {

    static final String PATIENTS = "/api/patients/v1/patients";

    @LocalServerPort
    int port;

    @Autowired
    RecordingExporter exported;

    @Autowired
    SdkTracerProvider tracerProvider;

    @Autowired
    MeterRegistry meters;

    ApiClient api;
    final TestTokenIssuer issuer = TestTokenIssuer.shared();
    final String agency = UUID.randomUUID().toString();
    final String drPatel = "dr-patel-" + UUID.randomUUID();
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void setUp() {
        api = ApiClient.onPort(port);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        root.detachAppender(logs);
    }

    @Test
    void aReadingsTraceGoesOnThroughTheOutboxKafkaAndTheAlertRulesIntoTheAlertEvent() {
        String patient = patientLedByDrPatel();
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String callerSpan = HexFormat.of().formatHex(randomBytes(8));

        try (TopicReader observations = new TopicReader("hearth.patient.observations");
                TopicReader alerts = new TopicReader("hearth.patient.alerts")) {
            ApiClient.Response recorded = api.send(api.request(PATIENTS + "/" + patient + "/observations", nurse())
                    .header("Content-Type", "application/json")
                    .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                    .POST(HttpRequest.BodyPublishers.ofString(criticalReading())));
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);

            ConsumerRecord<String, String> published = observations
                    .await(r -> patient.equals(r.key()), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no ObservationRecorded"));
            String onTheWire = TopicReader.header(published, "traceparent");
            assertThat(onTheWire).startsWith("00-" + traceId + "-").doesNotContain(callerSpan);
            ConsumerRecord<String, String> raised = alerts.await(r -> patient.equals(r.key()), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no AlertRaised"));
            assertThat(TopicReader.header(raised, "traceparent")).startsWith("00-" + traceId + "-");
        }

        List<SpanData> trace = Eventually.await(
                Duration.ofSeconds(20),
                () -> {
                    tracerProvider.forceFlush().join(5, java.util.concurrent.TimeUnit.SECONDS);
                    return exported.ofTrace(traceId);
                },
                spans -> has(spans, SpanKind.CONSUMER, "hearth.patient.observations")
                        && has(spans, SpanKind.PRODUCER, "hearth.patient.alerts"));
        String names = trace.stream()
                .map(s -> s.getKind() + " " + s.getName())
                .toList()
                .toString();
        assertThat(trace)
                .as(names)
                .anySatisfy(s -> assertThat(s.getKind()).isEqualTo(SpanKind.SERVER))
                .anySatisfy(s -> {
                    assertThat(s.getKind()).isEqualTo(SpanKind.CLIENT); // the MongoDB command storing the reading
                    assertThat(s.getName()).isEqualTo("observations.insert");
                });
        assertThat(has(trace, SpanKind.PRODUCER, "hearth.patient.observations"))
                .as(names)
                .isTrue();
        assertThat(has(trace, SpanKind.CONSUMER, "hearth.patient.observations"))
                .as(names)
                .isTrue();
        assertThat(has(trace, SpanKind.PRODUCER, "hearth.patient.alerts"))
                .as(names)
                .isTrue();
        SpanData server = trace.stream()
                .filter(s -> s.getKind() == SpanKind.SERVER)
                .findFirst()
                .orElseThrow();
        assertThat(server.getParentSpanId()).isEqualTo(callerSpan);

        List<ILoggingEvent> raisedLines = logs.list.stream()
                .filter(e -> e.getFormattedMessage().startsWith("Alert ")
                        && e.getFormattedMessage().contains(" raised"))
                .filter(e -> e.getFormattedMessage().contains(patient))
                .toList();
        assertThat(raisedLines).isNotEmpty();
        assertThat(raisedLines).allSatisfy(line -> {
            assertThat(line.getMDCPropertyMap()).containsEntry("traceId", traceId);
            assertThat(line.getMDCPropertyMap()).containsKey("spanId");
        });
    }

    @Test
    void alertMetersCountRaisingAndAcknowledgingAndTheTimeInBetween() {
        String patient = patientLedByDrPatel();
        double raisedBefore = count("hearth.alerts.raised");
        double acknowledgedBefore = count("hearth.alerts.acknowledged");
        long timedBefore = meters.find("hearth.alerts.time-to-acknowledge").tag("agency", agency).timers().stream()
                .mapToLong(t -> t.count())
                .sum();

        assertThat(api.post(PATIENTS + "/" + patient + "/observations", nurse(), criticalReading())
                        .status())
                .isEqualTo(200);
        JsonNode alert = Eventually.await(
                        Duration.ofSeconds(20),
                        () -> api.get(PATIENTS + "/" + patient + "/alerts", coordinator())
                                .json()
                                .path("items"),
                        items -> items.size() == 1)
                .get(0);
        assertThat(alert).isNotNull();
        assertThat(count("hearth.alerts.raised")).isEqualTo(raisedBefore + 1);
        assertThat(meters.find("hearth.alerts.raised")
                        .tag("agency", agency)
                        .tag("rule", "SPO2_BELOW_88")
                        .tag("severity", "CRITICAL")
                        .counter())
                .isNotNull();

        ApiClient.Response ack = api.post(
                PATIENTS + "/" + patient + "/alerts/" + alert.path("id").asString() + "/acknowledgement",
                token(drPatel, "physician"),
                "");
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);

        assertThat(count("hearth.alerts.acknowledged")).isEqualTo(acknowledgedBefore + 1);
        assertThat(meters.find("hearth.alerts.time-to-acknowledge").tag("agency", agency).timers().stream()
                        .mapToLong(t -> t.count())
                        .sum())
                .isEqualTo(timedBefore + 1);
        // consumer lag comes from the Kafka client's own metrics (the chart's HearthConsumerLag rule reads it)
        assertThat(meters.find("kafka.consumer.fetch.manager.records.lag.max").gauges())
                .as(meters.getMeters().stream()
                        .map(m -> m.getId().getName())
                        .filter(n -> n.startsWith("kafka"))
                        .distinct()
                        .sorted()
                        .toList()
                        .toString())
                .isNotEmpty();
        assertThat(meters.find("hearth.outbox.oldest.age")
                        .tag("service", "patient-service")
                        .gauges())
                .isNotEmpty();
    }

    private double count(String name) {
        return meters.find(name).tag("agency", agency).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private static boolean has(Collection<SpanData> spans, SpanKind kind, String topic) {
        return spans.stream()
                .anyMatch(s -> s.getKind() == kind
                        && (s.getName().contains(topic)
                                || s.getAttributes().asMap().values().toString().contains(topic)));
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never all zeros, which W3C reads as "no trace"
        return bytes;
    }

    private static String criticalReading() {
        return """
                {"observations":[{"id":"%s","vital":"SPO2","value":85,"unit":"%%","observedAt":"%s"}]}""".formatted(UUID.randomUUID(), Instant.now().minusSeconds(30));
    }

    private String token(String subject, String role) {
        return issuer.token()
                .subject(subject)
                .agency("agency", agency)
                .roles(role)
                .audience("patient-service")
                .sign();
    }

    private String coordinator() {
        return token("carla", "coordinator");
    }

    private String nurse() {
        return token("nina", "nurse");
    }

    private String patientLedByDrPatel() {
        String id = api.post(PATIENTS, coordinator(), Patients.jane())
                .json()
                .path("id")
                .asString();
        ApiClient.Response team = api.send(api.request(PATIENTS + "/" + id + "/care-team", coordinator())
                .header("Content-Type", "application/json")
                .header("If-Match", "\"0\"")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"members":[{"subject":"%s","role":"PHYSICIAN","displayName":"Dr Patel","lead":true},
                                    {"subject":"nina","role":"NURSE","displayName":"Nina","lead":false}]}""".formatted(drPatel))));
        assertThat(team.status()).isEqualTo(200);
        return id;
    }

    /** Keeps every span the service ends, next to whatever exporter the configuration adds. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SpanCapture {
        @Bean
        RecordingExporter recordingExporter() {
            return new RecordingExporter();
        }
    }

    static final class RecordingExporter implements SpanExporter {
        private final List<SpanData> spans = new CopyOnWriteArrayList<>();

        List<SpanData> ofTrace(String traceId) {
            return spans.stream().filter(s -> s.getTraceId().equals(traceId)).toList();
        }

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAll(batch);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
