package org.hearth.messaging.live;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hearth.messaging.MessagingSettings;
import org.hearth.messaging.mail.Presence;
import org.hearth.messaging.threads.ThreadController;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.security.Caller;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantId;
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

/**
 * My live stream: server-sent events, one per delivery, the event id being my sequence number. A client that
 * reconnects sends {@code Last-Event-ID} (browsers' EventSource does it by itself) and first receives what it
 * missed. The stream ends after {@code hearth.messaging.stream.max-duration} and the client reconnects; without a
 * MongoDB change stream (the local wire server has none) new deliveries are picked up by polling every 500 ms.
 */
@RestController
@Tag(name = "Live delivery")
class StreamController {

    /** Everyone who takes part in threads, and billing staff, who are told live of billing's own changes. */
    static final String LISTENERS = ThreadController.PEOPLE + " or hasRole('billing')";

    private final Deliveries deliveries;
    private final Presence presence;
    private final BillingDesk desk;
    private final Duration maxDuration;
    private final OpenStreams open;

    StreamController(Deliveries deliveries, Presence presence, BillingDesk desk,
            MessagingSettings settings, OpenStreams open) {
        this.open = open;
        this.deliveries = deliveries;
        this.presence = presence;
        this.desk = desk;
        this.maxDuration = settings.stream().maxDuration();
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
        Thread.ofVirtual().name("stream-" + me).start(() -> TenantContext.runAs(tenant, () -> {
            long last = after;
            long deadline = System.nanoTime() + maxDuration.toNanos();
            long nextHeartbeat = System.nanoTime();
            try {
                emitter.send(SseEmitter.event().id(Long.toString(after)).comment("connected").reconnectTime(1000));
                while (System.nanoTime() < deadline) {
                    List<Delivery> fresh = deliveries.after(me, last, 100);
                    for (Delivery d : fresh) {
                        emitter.send(SseEmitter.event().id(Long.toString(d.seq())).name(d.kind().toLowerCase())
                                .data(new Event(d.kind(), d.threadId(), d.messageId(), d.patientId(), d.notice(), d.at())));
                        last = d.seq();
                    }
                    if (System.nanoTime() >= nextHeartbeat) {
                        emitter.send(SseEmitter.event().comment("heartbeat"));
                        nextHeartbeat = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                    }
                    if (fresh.isEmpty()) {
                        Thread.sleep(500);
                    }
                }
                emitter.complete();
            } catch (IOException | IllegalStateException | InterruptedException gone) {
                emitter.completeWithError(gone);
            } finally {
                open.closed();
                presence.disconnected(tenant.value(), me);
            }
        }));
        return emitter;
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
