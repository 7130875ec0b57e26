package org.hearth.messaging.notices;

import java.time.Clock;
import java.util.List;
import org.hearth.messaging.live.Deliveries;
import org.hearth.messaging.messages.Message;
import org.hearth.messaging.messages.Posting;
import org.hearth.messaging.threads.ChatThread;
import org.hearth.messaging.threads.Threads;
import org.hearth.platform.events.IncomingEvent;
import org.springframework.stereotype.Component;

/**
 * A record opened in an emergency (break-glass), told the way an alert is: a notice in the patient's care-team thread
 * (opened from the event itself if need be, so it never waits for admission), and a NOTICE delivery, live and mailed
 * when offline, to exactly the people the event names: the agency's privacy officers and the lead physician. The
 * privacy officers take no part in the thread, so their delivery points at no thread: their place is the review queue.
 * Ids derive from the event and the grant, so a redelivered event posts and delivers nothing twice.
 */
@Component
class BreakGlassNotices {

    static final String SOURCE = "BreakGlassOpened";

    private final Threads threads;
    private final Posting posting;
    private final Deliveries deliveries;
    private final Clock clock;

    BreakGlassNotices(Threads threads, Posting posting, Deliveries deliveries, Clock clock) {
        this.threads = threads;
        this.posting = posting;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    void opened(IncomingEvent event, EventReadersV1.BreakGlassOpened opened) {
        ChatThread thread = threads.careTeamOf(opened.patientId(), clock.instant());
        posting.postNotice(
                NoticeConsumers.idFor(event),
                thread,
                "A clinician outside the care team opened this "
                        + "patient's record in an emergency (break-glass), until " + opened.expiresAt()
                        + ". The privacy officer "
                        + "reviews every such access.",
                null,
                new Message.Source(SOURCE, opened.grantId(), event.id()));
        List<String> people = opened.recipients() == null ? List.of() : opened.recipients();
        deliveries.deliverOnce(
                "break-glass-opened:" + opened.grantId(),
                people,
                "NOTICE",
                null,
                null,
                opened.patientId(),
                "break-glass-opened:" + opened.grantId());
    }
}
