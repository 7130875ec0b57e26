package org.hearth.messaging.mail;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.hearth.messaging.fanout.LiveBus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Who has a live stream open, on any replica. Each instance counts its own streams and tells the others on the live
 * channel ({@link LiveBus}): at once when someone comes or goes, and every {@code hearth.messaging.presence.announce}
 * (30 s) in any case; an instance not heard from for three announcements (crashed) counts for nobody. Nothing is
 * stored: presence decides only whether an urgent item is also mailed, and the "last seen" time in {@link Person}
 * stays the second guard.
 */
@Component
public class Presence {

    private static final Duration FORGET_AFTER = Duration.ofSeconds(90);

    private final ConcurrentHashMap<String, AtomicInteger> streams = new ConcurrentHashMap<>();
    private final Map<String, Heard> others = new ConcurrentHashMap<>();
    private final LiveBus bus;

    /** The people online on another instance, as it last said. */
    private record Heard(Set<String> online, long atNanos) {}

    /** One instance's announcement: tenant/subject of everyone with a stream open there. */
    record Announcement(List<String> online) {}

    Presence(LiveBus bus) {
        this.bus = bus;
        bus.on("presence", this::heard);
        bus.whenLive(this::announce);
    }

    public void connected(String tenant, String subject) {
        if (streams.computeIfAbsent(tenant + "/" + subject, k -> new AtomicInteger())
                        .incrementAndGet()
                == 1) {
            announce();
        }
    }

    public void disconnected(String tenant, String subject) {
        boolean[] gone = {false};
        streams.computeIfPresent(tenant + "/" + subject, (k, n) -> {
            gone[0] = n.decrementAndGet() <= 0;
            return gone[0] ? null : n;
        });
        if (gone[0]) {
            announce();
        }
    }

    public boolean online(String tenant, String subject) {
        String key = tenant + "/" + subject;
        long now = System.nanoTime();
        return streams.containsKey(key)
                || others.values().stream()
                        .anyMatch(heard -> now - heard.atNanos() < FORGET_AFTER.toNanos()
                                && heard.online().contains(key));
    }

    @Scheduled(fixedDelayString = "${hearth.messaging.presence.announce:PT30S}")
    void announce() {
        bus.publish("presence", bus.instance(), new Announcement(List.copyOf(streams.keySet())));
    }

    private void heard(String from, JsonNode announcement) {
        if (bus.instance().equals(from)) {
            return;
        }
        Set<String> online = new HashSet<>();
        announcement.path("online").forEach(node -> online.add(node.asString()));
        others.put(from, new Heard(Set.copyOf(online), System.nanoTime()));
    }
}
