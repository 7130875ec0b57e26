package org.hearth.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventCatalogTest {

    private static final Path REPOSITORY =
            EventContracts.directory().getParent().getParent();

    @Test
    void docsEventsMdMatchesTheSchemasAndTheCode() throws IOException {
        Path doc = REPOSITORY.resolve("docs/events.md");
        String rendered = EventCatalog.render(REPOSITORY);
        if ("1".equals(System.getenv("HEARTH_WRITE_DOCS"))) {
            Files.writeString(doc, rendered);
        }

        assertThat(rendered).contains("org.hearth.patient.PatientAdmitted.v1").contains("`patientId`");
        assertThat(Files.exists(doc) ? Files.readString(doc) : "")
                .as("docs/events.md is stale: run ./hearth events-catalog (or HEARTH_WRITE_DOCS=1 ./mvnw -pl "
                        + "platform-test -am test -Dtest=EventCatalogTest -Dsurefire.failIfNoSpecifiedTests=false)")
                .isEqualTo(rendered);
    }

    @Test
    void consumersAreFoundInTheListenersOfEachService() {
        Map<String, Set<String>> consumers = EventConsumers.in(REPOSITORY);

        assertThat(consumers.get("org.hearth.patient.CarePlanSigned.v1"))
                .containsExactly("billing-service", "messaging-service", "scheduling-service");
        assertThat(consumers.get("org.hearth.patient.ObservationRecorded.v1")).containsExactly("patient-service");
        assertThat(consumers.get("org.hearth.billing.AuthorizationStatusChanged.v1"))
                .containsExactly("messaging-service", "scheduling-service");
        assertThat(consumers).doesNotContainKey("org.hearth.patient.ReferralReceived.v1");
    }

    @Test
    void aTypeConstantBelongsToTheRecordThatDeclaresIt() {
        String source = """
                final class ReadersV1 {
                    record Admitted(String patientId) {
                        static final String TYPE = "org.hearth.patient.PatientAdmitted.v1";
                    }
                    record Missed(String visitId, Slot slot) {
                        static final String TYPE = "org.hearth.scheduling.VisitMissed.v1";
                    }
                }
                """;

        assertThat(EventConsumers.typeConstants(source))
                .containsOnly(
                        Map.entry("Admitted", "org.hearth.patient.PatientAdmitted.v1"),
                        Map.entry("Missed", "org.hearth.scheduling.VisitMissed.v1"));
    }

    /** A schema's x-consumers names a service as a reader (not "planned") exactly when that service's code reads it. */
    @Test
    void schemasNameTheConsumersTheCodeHas() throws IOException {
        Map<String, Set<String>> code = EventConsumers.in(REPOSITORY);
        List<String> drift = new ArrayList<>();
        try (Stream<Path> files = Files.list(REPOSITORY.resolve("contracts/events"))) {
            for (Path schema : files.filter(f -> !f.toString().endsWith(".example.json"))
                    .sorted()
                    .toList()) {
                JsonNode node = JsonMapper.builder().build().readTree(Files.readString(schema));
                String type = "org.hearth." + schema.getFileName().toString().replaceFirst("\\.json$", "");
                Set<String> named = new TreeSet<>();
                for (String intent : EventCatalog.intents(node)) {
                    String service = intent.split("[ ,(]")[0];
                    if (service.endsWith("-service") && !intent.contains("planned")) {
                        named.add(service);
                    }
                }
                Set<String> reading = code.getOrDefault(type, Set.of());
                if (!named.equals(reading)) {
                    drift.add(type + ": x-consumers names " + named + ", the code reads it in " + reading);
                }
            }
        }

        assertThat(drift)
                .as("x-consumers (not planned) and the services' listeners disagree")
                .isEmpty();
    }
}
