package org.hearth.patient.careplan;

import java.time.Instant;
import java.util.List;

/**
 * One numbered version of the plan. Its frequency orders are read from the content's notation when the
 * version is written, so a stored version never holds a frequency nobody could schedule. A draft is
 * {@code submitted} when its author hands it to the lead physician for signature; rewriting it withdraws that.
 */
public record CarePlanVersion(
        int number,
        CarePlanStatus status,
        CarePlanContent content,
        List<FrequencyOrder> frequencyOrders,
        String authoredBy,
        Instant authoredAt,
        String signedBy,
        Instant signedAt,
        String submittedBy,
        Instant submittedAt) {

    CarePlanVersion withStatus(CarePlanStatus next) {
        return new CarePlanVersion(
                number,
                next,
                content,
                frequencyOrders,
                authoredBy,
                authoredAt,
                signedBy,
                signedAt,
                submittedBy,
                submittedAt);
    }

    CarePlanVersion signed(String signer, Instant at) {
        return new CarePlanVersion(
                number,
                CarePlanStatus.ACTIVE,
                content,
                frequencyOrders,
                authoredBy,
                authoredAt,
                signer,
                at,
                submittedBy,
                submittedAt);
    }

    CarePlanVersion submitted(String submitter, Instant at) {
        return new CarePlanVersion(
                number, status, content, frequencyOrders, authoredBy, authoredAt, signedBy, signedAt, submitter, at);
    }
}
