package org.hearth.platform.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantOwned;
import org.junit.jupiter.api.Test;

class AgencySweepTest {

    record Due(String id, String tenantId) implements TenantOwned {}

    @Test
    void handlesEachCandidateInsideItsOwnAgencyAndCountsWhatChanged() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        AgencySweep sweep = new AgencySweeps(meters).named("test");
        List<String> seen = new ArrayList<>();
        List<Integer> asked = new ArrayList<>();

        int changed = sweep.over(
                limit -> {
                    asked.add(limit);
                    return List.of(new Due("a", "sunrise"), new Due("b", "riverbend"), new Due("c", "sunrise"));
                },
                due -> {
                    seen.add(due.id() + "@" + TenantContext.current().value());
                    return AgencySweep.written(!due.id().equals("b")); // b: someone else changed it first
                });

        assertThat(changed).isEqualTo(2);
        assertThat(asked).containsExactly(AgencySweep.BATCH);
        assertThat(seen).containsExactly("a@sunrise", "b@riverbend", "c@sunrise");
        assertThat(TenantContext.find()).as("no agency left behind").isEmpty();
        assertThat(meters.get("hearth.sweep.changed")
                        .tag("sweep", "test")
                        .counter()
                        .count())
                .isEqualTo(2);
    }
}
