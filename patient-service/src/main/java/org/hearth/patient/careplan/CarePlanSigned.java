package org.hearth.patient.careplan;

import java.time.Instant;
import java.util.List;
import org.hearth.platform.events.DomainEvent;

/**
 * The lead physician signed a version of the plan of care; it is now the active one. Carries the visit
 * frequency orders, from which scheduling generates visits, and nothing clinical beyond them. A revision is a
 * signature with {@code supersedesVersion}: the orders replace those of that version from now on.
 */
public record CarePlanSigned(
        String patientId,
        int planVersion,
        Integer supersedesVersion,
        Instant signedAt,
        String signedBy,
        List<FrequencyOrder> frequencyOrders)
        implements DomainEvent {

    public static final String TYPE = "org.hearth.patient.CarePlanSigned.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return patientId;
    }
}
