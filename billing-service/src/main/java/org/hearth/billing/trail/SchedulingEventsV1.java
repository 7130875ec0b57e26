package org.hearth.billing.trail;

import java.time.Instant;

/** Billing's tolerant readers of the scheduling events it follows (contracts/events/scheduling.*.v1.json). */
public final class SchedulingEventsV1 {

    private SchedulingEventsV1() {}

    public record VisitCompletedV1(
            String visitId,
            String patientId,
            String discipline,
            String clinicianId,
            Instant checkedInAt,
            Instant checkedOutAt,
            int durationMinutes,
            int units,
            String authorizationId) {

        public static final String TYPE = "org.hearth.scheduling.VisitCompleted.v1";
    }

    public record EvvExceptionRecordedV1(String visitId, String patientId, String stage, String code) {

        public static final String TYPE = "org.hearth.scheduling.EvvExceptionRecorded.v1";
    }
}
