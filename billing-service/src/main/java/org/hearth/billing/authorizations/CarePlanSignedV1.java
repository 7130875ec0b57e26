package org.hearth.billing.authorizations;

import java.time.Instant;
import java.util.List;

/** Billing's tolerant reader of {@code org.hearth.patient.CarePlanSigned.v1}: the orders it may need authorized. */
public record CarePlanSignedV1(String patientId, int planVersion, Instant signedAt, List<Order> frequencyOrders) {

    public static final String TYPE = "org.hearth.patient.CarePlanSigned.v1";

    public record Order(String discipline, List<Segment> segments, int prnVisits) {

        /** The most visits the order allows: the weekly maximum over its weeks, plus the PRN visits. */
        public int maxVisits() {
            return segments.stream().mapToInt(s -> s.maxPerWeek() * s.weeks()).sum() + prnVisits;
        }
    }

    public record Segment(int minPerWeek, int maxPerWeek, int weeks) {}
}
