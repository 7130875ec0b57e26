package org.hearth.platform.aggregate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantId;
import org.hearth.platform.tenancy.TenantOwned;

/**
 * A scheduled job over every agency's documents (an escalation, a watch): reads one batch of candidates across
 * agencies, handles each inside its own agency's tenant context (so whatever the handler reads or writes is scoped
 * again), and counts what it changed in the metric {@code hearth.sweep.changed{sweep=…}}. The handler writes with the
 * version it read, so two instances sweeping at once change each document once: one wins, the other's write is
 * refused and it answers 0. Made by {@link AgencySweeps}.
 */
public final class AgencySweep {

    /** Candidates read per pass by default: a backlog larger than this is worked off over the next passes. */
    public static final int BATCH = 500;

    private final String name;
    private final int batch;
    private final Counter changed;

    AgencySweep(String name, int batch, MeterRegistry meters) {
        this.name = name;
        this.batch = batch;
        this.changed = Counter.builder("hearth.sweep.changed")
                .tag("sweep", name)
                .description("Documents a sweep across agencies changed")
                .register(meters);
    }

    /** A sweep that counts into a registry of its own (for unit tests of a job). */
    public static AgencySweep named(String name) {
        return new AgencySweep(name, BATCH, new SimpleMeterRegistry());
    }

    public String name() {
        return name;
    }

    /**
     * Reads up to a batch of candidates with {@code candidates} and hands each, inside its agency, to
     * {@code handler}, which answers how much it changed: 1 or 0 for a document written or left alone (its version
     * moved on, or nothing was due), or a count of its own (tasks flagged).
     *
     * @return how much this pass changed
     */
    public <D extends TenantOwned> int over(IntFunction<List<D>> candidates, ToIntFunction<D> handler) {
        int count = 0;
        for (D candidate : candidates.apply(batch)) {
            count += TenantContext.callAs(TenantId.of(candidate.tenantId()), () -> handler.applyAsInt(candidate));
        }
        changed.increment(count);
        return count;
    }

    /** 1 for a document written, 0 for one left alone: the answer of a handler that changes one document. */
    public static int written(boolean saved) {
        return saved ? 1 : 0;
    }
}
