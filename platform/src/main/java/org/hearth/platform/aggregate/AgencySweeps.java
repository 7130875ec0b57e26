package org.hearth.platform.aggregate;

import io.micrometer.core.instrument.MeterRegistry;

/** Makes the {@link AgencySweep} of each job, counting into the service's metrics. */
public class AgencySweeps {

    private final MeterRegistry meters;

    public AgencySweeps(MeterRegistry meters) {
        this.meters = meters;
    }

    /** A sweep reading {@link AgencySweep#BATCH} candidates a pass. */
    public AgencySweep named(String name) {
        return named(name, AgencySweep.BATCH);
    }

    public AgencySweep named(String name, int batch) {
        return new AgencySweep(name, batch, meters);
    }
}
