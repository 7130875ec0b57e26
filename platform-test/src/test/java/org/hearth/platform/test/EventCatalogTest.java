package org.hearth.platform.test;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EventCatalogTest {

    @Test
    void docsEventsMdMatchesTheSchemas() throws IOException {
        Path contracts = EventContracts.directory();
        Path doc = contracts.getParent().getParent().resolve("docs/events.md");
        String rendered = EventCatalog.render(contracts);
        if ("1".equals(System.getenv("HEARTH_WRITE_DOCS"))) {
            Files.writeString(doc, rendered);
        }

        assertThat(rendered).contains("org.hearth.patient.PatientAdmitted.v1").contains("`patientId`");
        assertThat(Files.exists(doc) ? Files.readString(doc) : "")
                .as("docs/events.md is stale: run HEARTH_WRITE_DOCS=1 ./mvnw -pl platform-test test -Dtest=EventCatalogTest")
                .isEqualTo(rendered);
    }
}
