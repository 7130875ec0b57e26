package org.hearth.scheduling.visitplan;

import java.time.Instant;
import java.util.List;

/**
 * Scheduling's own tolerant reader of {@code org.hearth.patient.CarePlanSigned.v1} (contracts/events): only the
 * fields scheduling uses; unknown fields are ignored by the platform's event reader.
 */
public record CarePlanSignedV1(
        String patientId, int planVersion, Integer supersedesVersion, Instant signedAt, List<Order> frequencyOrders) {

    public static final String TYPE = "org.hearth.patient.CarePlanSigned.v1";

    public record Order(String discipline, List<Segment> segments, int prnVisits) {}

    public record Segment(int minPerWeek, int maxPerWeek, int weeks) {}
}
