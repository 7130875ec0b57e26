package org.hearth.patient.careplan;

import java.time.Instant;
import java.util.List;

/**
 * One numbered version of the plan. Its frequency orders are read from the content's notation when the
 * version is written, so a stored version never holds a frequency nobody could schedule.
 */
public record CarePlanVersion(int number, CarePlanStatus status, CarePlanContent content,
        List<FrequencyOrder> frequencyOrders, String authoredBy, Instant authoredAt, String signedBy, Instant signedAt) {

    CarePlanVersion withStatus(CarePlanStatus next) {
        return new CarePlanVersion(number, next, content, frequencyOrders, authoredBy, authoredAt, signedBy, signedAt);
    }

    CarePlanVersion signed(String signer, Instant at) {
        return new CarePlanVersion(number, CarePlanStatus.ACTIVE, content, frequencyOrders, authoredBy, authoredAt,
                signer, at);
    }
}
