package org.hearth.patient.careplan;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** Read access to plans of care for other features of this service (the summary), without their workflow. */
@Component
public class CarePlanReader {

    private final CarePlanRepository plans;

    CarePlanReader(CarePlanRepository plans) {
        this.plans = plans;
    }

    /** Every version of the patient's plan (none when no plan was drafted). */
    public CarePlan plan(String patientId) {
        return plans.find(patientId).plan();
    }

    public Optional<CarePlanVersion> active(String patientId) {
        return plans.find(patientId).plan().active();
    }
}
