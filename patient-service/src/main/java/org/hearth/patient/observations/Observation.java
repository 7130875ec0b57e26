package org.hearth.patient.observations;

import java.time.Instant;
import java.util.Objects;

/**
 * One reading in its canonical unit.
 *
 * @param id         chosen by the client (a UUID), which makes resending a batch harmless
 * @param recordedBy the {@code sub} of the person or partner client that sent it
 */
public record Observation(
        String id,
        String patientId,
        Vital vital,
        double value,
        Instant observedAt,
        ObservationSource source,
        String recordedBy,
        Instant recordedAt) {

    public Observation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(vital, "vital");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(source, "source");
    }

    public String unit() {
        return vital.unit();
    }
}
