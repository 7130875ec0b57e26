package org.hearth.messaging.live;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hearth.messaging.mail.Presence;
import org.hearth.messaging.threads.ThreadController;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.security.Caller;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * My live stream: server-sent events, one per delivery, the event id being my sequence number. A client that
 * reconnects sends {@code Last-Event-ID} (browsers' EventSource does it by itself) and first receives what it
 * missed. The stream ends after {@code hearth.messaging.stream.max-duration} and the client reconnects. New
 * deliveries arrive as signals of the live channel ({@link LiveFeed}, one Kafka consumer per instance), so an open
 * stream costs the store nothing until it (re)connects or sees a gap in its sequence; only while the channel is
 * down does a stream read the store, every {@value #FALLBACK_SECONDS} s.
 */
@RestController
@Tag(name = "Live delivery")
class StreamController {

    /** Everyone who takes part in threads, and billing staff, who are told live of billing's own changes. */
    static final String LISTENERS = ThreadController.PEOPLE + " or hasRole('billing')";
    static final int FALLBACK_SECONDS = 2;
    private static final Duration STORE_FALLBACK = Duration.ofSeconds(FALLBACK_SECONDS);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final Deliveries deliveries;
    private final Presence presence;
    private final BillingDesk desk;
    private final Duration maxDuration;
    private final LiveFeed feed;
    private final OpenStreams open;

    StreamController(Deliveries deliveries, Presence presence, BillingDesk desk, LiveFeed feed,
            @Value("${hearth.messaging.stream.max-duration:PT5M}") Duration maxDuration, OpenStreams open) {
        this.feed = feed;
        this.open = open;
        this.deliveries = deliveries;
        this.presence = presence;
        this.desk = desk;
        this.maxDuration = maxDuration;
    }

    @GetMapping(value = "/api/messaging/v1/stream", produces = "text/event-stream")
    @PreAuthorize(LISTENERS)
    @Operation(summary = "My deliveries as server-sent events; Last-Event-ID replays what I missed",
            description = "Without Last-Event-ID the stream starts with my first delivery, or with the next one when "
                    + "since=now (a screen that loads its data itself). The first comment carries the event id to "
                    + "resume from, so a reconnect loses nothing even before the first event. Billing staff take part "
                    + "in no thread but receive billing's changes (CHANGE events) here.")
    SseEmitter stream(@RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
            @RequestParam(value = "since", required = false) String since) {
        if (since != null && !"now".equals(since)) {
            throw ApiException.badRequest("since can only be \"now\"");
        }
        String me = Caller.subject();
        TenantId tenant = TenantContext.current();
        if (Caller.hasRole("billing")) {
            desk.joined(me);
        }
        long after = lastEventId == null && "now".equals(since) ? deliveries.latestSeq(me) : parse(lastEventId);
        SseEmitter emitter = new SseEmitter(maxDuration.plusSeconds(5).toMillis());
        presence.connected(tenant.value(), me);
        open.opened();
        BlockingQueue<Delivery> signalled = new LinkedBlockingQueue<>();
        // subscribed before the store is read: a delivery stored meanwhile is either read or signalled
        AutoCloseable subscription = feed.subscribe(tenant.value(), me, signalled::offer);
        Thread.ofVirtual().name("stream-" + me).start(() -> TenantContext.runAs(tenant, () -> {
            long deadline = System.nanoTime() + maxDuration.toNanos();
            long nextHeartbeat = System.nanoTime() + HEARTBEAT.toNanos();
            try (subscription) {
                emitter.send(SseEmitter.event().id(Long.toString(after)).comment("connected").reconnectTime(1000));
                long last = sendStored(emitter, me, after); // what was missed (Last-Event-ID)
                while (System.nanoTime() < deadline) {
                    boolean live = feed.live();
                    long wait = Math.min(Math.min(nextHeartbeat, deadline) - System.nanoTime(),
                            live ? Long.MAX_VALUE : STORE_FALLBACK.toNanos());
                    Delivery signal = signalled.poll(Math.max(wait, 0), TimeUnit.NANOSECONDS);
                    if (signal != null && signal.seq() == last + 1) {
                        send(emitter, signal);
                        last = signal.seq();
                    } else if (signal != null && signal.seq() > last) {
                        last = sendStored(emitter, me, last); // a gap: signals of two writers crossed, or one was lost
                    } else if (signal == null && !live) {
                        last = sendStored(emitter, me, last); // no channel (broker away): the store, now and then
                    }
                    if (System.nanoTime() >= nextHeartbeat) {
                        emitter.send(SseEmitter.event().comment("heartbeat"));
                        nextHeartbeat = System.nanoTime() + HEARTBEAT.toNanos();
                    }
                }
                emitter.complete();
            } catch (Exception gone) { // the client left (IOException), the emitter timed out, or shutdown
                emitter.completeWithError(gone);
            } finally {
                open.closed();
                presence.disconnected(tenant.value(), me);
            }
        }));
        return emitter;
    }

    /** Sends what the store holds for {@code me} after {@code last}; answers the last sequence number sent. */
    private long sendStored(SseEmitter emitter, String me, long last) throws IOException {
        List<Delivery> stored;
        do {
            stored = deliveries.after(me, last, 100);
            for (Delivery d : stored) {
                send(emitter, d);
                last = d.seq();
            }
        } while (stored.size() == 100);
        return last;
    }

    private static void send(SseEmitter emitter, Delivery d) throws IOException {
        emitter.send(SseEmitter.event().id(Long.toString(d.seq())).name(d.kind().toLowerCase())
                .data(new Event(d.kind(), d.threadId(), d.messageId(), d.patientId(), d.notice(), d.at())));
    }

    /** What the client receives: ids and a kind; it reads the message itself, where access is checked. */
    record Event(String kind, String threadId, String messageId, String patientId, String notice,
            java.time.Instant at) {
    }

    private static long parse(String lastEventId) {
        try {
            return lastEventId == null ? 0 : Math.max(0, Long.parseLong(lastEventId.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
