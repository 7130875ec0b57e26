package org.hearth.messaging.live;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.hearth.messaging.MessagingSettings;
import org.hearth.messaging.mail.OfflineMail;
import org.hearth.messaging.mail.Presence;
import org.hearth.messaging.threads.ThreadController;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.security.Caller;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantId;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

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
    /**
     * The reconnect time a stream tells its client: 1 s plus up to 2 s at random, and each stream ends up to a fifth
     * before its {@code max-duration}, so that the consoles of an instance that stopped, or that connected together,
     * come back spread out rather than all in the same second (2,000 clients told 1 s reopened 23,205 times in 90 s
     * against a sick instance).
     */
    static final int RECONNECT_MILLIS = 1000;

    static final int RECONNECT_SPREAD_MILLIS = 2000;
    /** How long deliveries wait behind a missing sequence number before it counts as never stored ({@link InOrder}). */
    static final Duration HOLE_GRACE = Duration.ofSeconds(10);
    /** How often the store is read while a hole is open (its signal may have been lost). */
    private static final Duration HOLE_CHECK = Duration.ofMillis(500);

    private final Deliveries deliveries;
    private final Presence presence;
    private final BillingDesk desk;
    private final Duration maxDuration;
    private final LiveFeed feed;
    private final OpenStreams open;
    private final Clock clock;
    private final OfflineMail mail;
    private final Semaphore storeReads;
    private final int openLimit;

    StreamController(
            Deliveries deliveries,
            Presence presence,
            BillingDesk desk,
            LiveFeed feed,
            MessagingSettings settings,
            OpenStreams open,
            Clock clock,
            OfflineMail mail) {
        this.clock = clock;
        this.mail = mail;
        this.storeReads = new Semaphore(settings.stream().storeReads(), true);
        this.feed = feed;
        this.open = open;
        this.deliveries = deliveries;
        this.presence = presence;
        this.desk = desk;
        this.maxDuration = settings.stream().maxDuration();
        this.openLimit = settings.stream().openLimit();
    }

    @GetMapping(value = "/api/messaging/v1/stream", produces = "text/event-stream")
    @PreAuthorize(LISTENERS)
    @Operation(
            summary = "My deliveries as server-sent events; Last-Event-ID replays what I missed",
            description = "Without Last-Event-ID the stream starts with my first delivery, or with the next one when "
                    + "since=now (a screen that loads its data itself). The first comment carries the event id to "
                    + "resume from, so a reconnect loses nothing even before the first event. Billing staff take part "
                    + "in no thread but receive billing's changes (CHANGE events) here. lastEventId is the same "
                    + "position for a client that opens a new stream itself (the header wins). An instance that holds "
                    + "as many streams as it can answers 503 with Retry-After.")
    SseEmitter stream(
            @RequestHeader(value = "Last-Event-ID", required = false) String lastEventIdHeader,
            @RequestParam(value = "lastEventId", required = false) String lastEventIdParam,
            @RequestParam(value = "since", required = false) String since) {
        if (since != null && !"now".equals(since)) {
            throw ApiException.badRequest("since can only be \"now\"");
        }
        if (lastEventIdParam != null && !lastEventIdParam.matches("[0-9]{1,18}")) {
            throw ApiException.badRequest("lastEventId must be an event id of this stream (digits only)");
        }
        String lastEventId = lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParam;
        if (!open.tryOpen(openLimit)) {
            throw ApiException.busy(
                    "This instance holds as many live streams as it can; open the stream again after Retry-After.",
                    Duration.ofSeconds(5 + ThreadLocalRandom.current().nextInt(11)));
        }
        try {
            return start(lastEventId, "now".equals(since));
        } catch (RuntimeException | Error notStarted) { // its thread, which counts it out at the end, never ran
            open.closed();
            throw notStarted;
        }
    }

    /** Opens the stream counted in by {@link OpenStreams#tryOpen}: its thread counts it out when it ends. */
    private SseEmitter start(String lastEventId, boolean sinceNow) {
        String me = Caller.subject();
        String email = Caller.claim("email").orElse(null);
        TenantId tenant = TenantContext.current();
        if (Caller.hasRole("billing")) {
            desk.joined(me);
        }
        boolean fromNow = lastEventId == null && sinceNow;
        SseEmitter emitter = new SseEmitter(maxDuration.plusSeconds(5).toMillis());
        presence.connected(tenant.value(), me);
        BlockingQueue<Delivery> signalled = new LinkedBlockingQueue<>();
        // subscribed before the store is read: a delivery stored meanwhile is either read or signalled
        AutoCloseable subscription = feed.subscribe(tenant.value(), me, signalled::offer);
        Thread.ofVirtual()
                .name("stream-" + me)
                .start(() -> TenantContext.runAs(tenant, () -> {
                    long deadline = System.nanoTime() + spreadBelow(maxDuration);
                    long nextHeartbeat = System.nanoTime() + HEARTBEAT.toNanos();
                    try (subscription) {
                        storeRead(() -> {
                            mail.seen(
                                    me,
                                    email); // here: every other API call records it on its request (SeenInterceptor)
                            return null;
                        });
                        // read after subscribing: a delivery stored meanwhile is then counted in, or signalled
                        long after = fromNow ? storeRead(() -> deliveries.latestSeq(me)) : parse(lastEventId);
                        InOrder order = new InOrder(after, HOLE_GRACE);
                        emitter.send(SseEmitter.event()
                                .id(Long.toString(after))
                                .comment("connected")
                                .reconnectTime(RECONNECT_MILLIS
                                        + ThreadLocalRandom.current().nextInt(RECONNECT_SPREAD_MILLIS + 1)));
                        boolean owed = !readStored(emitter, me, order); // what was missed (Last-Event-ID)
                        while (System.nanoTime() < deadline) {
                            boolean live = feed.live();
                            long wait = Math.min(nextHeartbeat, deadline) - System.nanoTime();
                            if (!live || owed) {
                                wait = Math.min(wait, STORE_FALLBACK.toNanos());
                            }
                            if (order.waiting()) {
                                wait = Math.min(wait, HOLE_CHECK.toNanos());
                            }
                            Delivery signal = signalled.poll(Math.max(wait, 0), TimeUnit.NANOSECONDS);
                            if (signal == LiveFeed.CATCH_UP) {
                                owed = !readStored(
                                        emitter, me, order); // the channel is back: what was signalled meanwhile
                            } else if (signal != null) {
                                boolean hadHole = order.waiting();
                                send(emitter, order.take(signal, System.nanoTime(), clock.instant()));
                                if (order.waiting() && !hadHole) {
                                    owed = !readStored(emitter, me, order); // a new hole: stored, its signal lost?
                                }
                            } else if (!live || order.waiting() || owed) {
                                // no channel (broker away), a hole still open, or a read that failed: the store, now
                                // and then
                                owed = !readStored(emitter, me, order);
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
                        seenUntilNow(me, email); // the offline reminder's "away" counts from the stream's end
                    }
                }));
        return emitter;
    }

    /** Between four fifths of {@code length} and all of it, at random, in nanoseconds. */
    static long spreadBelow(Duration length) {
        long nanos = length.toNanos();
        return nanos - ThreadLocalRandom.current().nextLong(nanos / 5 + 1);
    }

    private void seenUntilNow(String me, String email) {
        try {
            storeRead(() -> {
                mail.seen(me, email);
                return null;
            });
        } catch (InterruptedException | RuntimeException notRecorded) {
            // shutting down, or the store is away: the last API call's time stands
        }
    }

    /**
     * {@link #sendStored}, answering false when the store did not answer: the stream stays open and tries again
     * {@value #FALLBACK_SECONDS} s later rather than ending and sending its client into a reconnect loop.
     */
    private boolean readStored(SseEmitter emitter, String me, InOrder order) throws IOException, InterruptedException {
        try {
            sendStored(emitter, me, order);
            return true;
        } catch (DataAccessException unavailable) {
            return false;
        }
    }

    /** Reads what the store holds for {@code me} after the stream's position, and sends what is due of it. */
    private void sendStored(SseEmitter emitter, String me, InOrder order) throws IOException, InterruptedException {
        long cursor = order.last();
        List<Delivery> stored;
        do {
            long from = cursor;
            stored = storeRead(() -> deliveries.after(me, from, 100));
            for (Delivery d : stored) {
                send(emitter, order.take(d, System.nanoTime(), clock.instant()));
                cursor = d.seq();
            }
        } while (stored.size() == 100);
        send(emitter, order.due(System.nanoTime(), clock.instant()));
    }

    /**
     * One store read of a stream, at most {@code hearth.messaging.stream.store-reads} at a time on this instance. When
     * many streams (re)connect at once (an instance restarted, its consoles coming over), each reads the store once or
     * twice; unbounded, those reads took every pooled connection and waited past the pool's short wait, so streams were
     * refused (503) or ended right after connecting. Queued here, a stream only starts a moment later.
     */
    private <T> T storeRead(Supplier<T> read) throws InterruptedException {
        storeReads.acquire();
        try {
            return read.get();
        } finally {
            storeReads.release();
        }
    }

    private static void send(SseEmitter emitter, List<Delivery> due) throws IOException {
        for (Delivery d : due) {
            send(emitter, d);
        }
    }

    private static void send(SseEmitter emitter, Delivery d) throws IOException {
        emitter.send(SseEmitter.event()
                .id(Long.toString(d.seq()))
                .name(d.kind().toLowerCase())
                .data(new Event(d.kind(), d.threadId(), d.messageId(), d.patientId(), d.notice(), d.at())));
    }

    /** What the client receives: ids and a kind; it reads the message itself, where access is checked. */
    record Event(
            String kind, String threadId, String messageId, String patientId, String notice, java.time.Instant at) {}

    private static long parse(String lastEventId) {
        try {
            return lastEventId == null ? 0 : Math.max(0, Long.parseLong(lastEventId.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
