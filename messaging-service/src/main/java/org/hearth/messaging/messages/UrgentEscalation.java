package org.hearth.messaging.messages;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hearth.messaging.MessagingEvents.UrgentEscalated;
import org.hearth.messaging.live.Deliveries;
import org.hearth.platform.aggregate.AgencySweep;
import org.hearth.platform.aggregate.AgencySweeps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Escalates urgent messages nobody acknowledged in time, for every agency: the backup gets it (and the sender
 * learns it), an UrgentEscalated event is published. Once per message.
 */
@Component
public class UrgentEscalation {

    private static final Logger log = LoggerFactory.getLogger(UrgentEscalation.class);

    private final Messages messages;
    private final Deliveries deliveries;
    private final Clock clock;
    private final AgencySweep sweep;

    UrgentEscalation(Messages messages, Deliveries deliveries, Clock clock, AgencySweeps sweeps) {
        this.messages = messages;
        this.deliveries = deliveries;
        this.clock = clock;
        this.sweep = sweeps.named("urgent-escalation");
    }

    @Scheduled(
            fixedDelayString = "${hearth.messaging.urgent.check-interval:PT30S}",
            initialDelayString = "${hearth.messaging.urgent.check-interval:PT30S}")
    void scheduled() {
        escalate();
    }

    /** @return how many messages were escalated in this pass */
    public int escalate() {
        Instant now = clock.instant();
        return sweep.over(limit -> messages.overdueAcrossAgencies(now, limit), m -> {
            Message.Urgent u = m.urgent();
            if (!messages.update(
                    m.id(),
                    m.version(),
                    new Update().set("urgent.escalatedAt", now),
                    List.of(new UrgentEscalated(
                            m.id(), m.threadId(), m.patientId(), u.recipient(), u.backup(), u.dueAt(), now)))) {
                return 0;
            }
            List<String> tell = new ArrayList<>();
            if (u.backup() != null) {
                deliveries.deliver(List.of(u.backup()), "URGENT", m.threadId(), m.id(), m.patientId(), null);
            }
            if (!Message.SYSTEM.equals(m.author())) {
                tell.add(m.author());
            }
            tell.add(u.recipient());
            deliveries.deliver(tell, "ESCALATED", m.threadId(), m.id(), m.patientId(), null);
            log.warn("Urgent message {} not acknowledged by its due time: escalated", m.id());
            return 1;
        });
    }
}
