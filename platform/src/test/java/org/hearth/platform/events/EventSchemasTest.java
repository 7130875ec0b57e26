package org.hearth.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hearth.platform.test.EventContracts;
import org.junit.jupiter.api.Test;

/** The contracts travel on the platform's classpath, compile, accept their golden examples and assert formats. */
class EventSchemasTest {

    final EventSchemas schemas = EventSchemas.onClasspath();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void everyContractInTheRepositoryIsOnTheClasspathAndAcceptsItsExample() throws IOException {
        List<String> types;
        try (Stream<Path> files = Files.list(EventContracts.directory())) {
            types = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.endsWith(".example.json"))
                    .map(n -> "org.hearth." + n.replaceFirst("\\.json$", ""))
                    .toList();
        }

        assertThat(types).isNotEmpty();
        assertThat(schemas.size()).isEqualTo(types.size());
        for (String type : types) {
            assertThat(schemas.knows(type)).as(type).isTrue();
            assertThat(schemas.violations(type, json.readTree(EventContracts.example(type))))
                    .as(type)
                    .isEmpty();
        }
    }

    @Test
    void formatsAreAssertedAndViolationsNameNoValues() throws IOException {
        String body = EventContracts.example("org.hearth.patient.AlertRaised.v1")
                .replace("\"0b6f7c1e-3f55-4d7a-9a43-2f1c7d8e9a10\"", "\"Jane Doe\"");
        assertThat(body).contains("Jane Doe");

        assertThat(schemas.violations("org.hearth.patient.AlertRaised.v1", json.readTree(body)))
                .containsExactly("$.patientId: format");
    }

    @Test
    void aFieldANewerProducerAddedIsToleratedWhileRequiredFieldsAndTypesAreNot() throws IOException {
        String example = EventContracts.example("org.hearth.patient.AlertRaised.v1");
        String newer = example.replaceFirst("\\{", "{\"acknowledgeBy\":\"2026-11-25T14:00:00Z\",");
        String wrongType = example.replace("\"severity\": \"HIGH\"", "\"severity\": 3");
        assertThat(wrongType).isNotEqualTo(example);

        assertThat(schemas.violations("org.hearth.patient.AlertRaised.v1", json.readTree(newer)))
                .isEmpty();
        assertThat(schemas.violations("org.hearth.patient.AlertRaised.v1", json.readTree(wrongType)))
                .isNotEmpty();
        assertThat(EventContracts.violations("org.hearth.patient.AlertRaised.v1", newer))
                .as("the producer's own contract test stays strict")
                .isNotEmpty();
    }

    @Test
    void onlyTypesWithAContractAreKnown() {
        assertThat(schemas.knows("org.hearth.patient.PatientAdmitted.v1")).isTrue();
        assertThat(schemas.knows("org.hearth.patient.PatientAdmitted.v2")).isFalse();
        assertThat(schemas.knows("org.hearth.patient.PatientAdmitted.v1.example"))
                .isFalse();
        assertThat(schemas.knows("../../etc/passwd")).isFalse();
        assertThatThrownBy(
                        () -> EventRoutes.forConsumer("c").on("org.hearth.patient.Typo.v1", String.class, (e, b) -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no contract");
    }
}
