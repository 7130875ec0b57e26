package org.hearth.messaging.live;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.hearth.messaging.fanout.LiveBus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deliveries on their way to the open streams of this instance: each stored delivery is signalled on the live channel
 * (key: its recipient), and every instance hands the signal to the streams of that person it holds, in memory.
 */
@Component
class LiveFeed {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LiveBus bus;
    private final Map<String, Set<Consumer<Delivery>>> streams = new ConcurrentHashMap<>();

    LiveFeed(LiveBus bus) {
        this.bus = bus;
        bus.on("delivery", (from, payload) -> received(payload));
        bus.whenLive(this::catchUp);
    }

    /**
     * Handed to every open stream when the channel becomes readable again: signals sent while it was away are not
     * read (the channel resumes at its end), so each stream reads the store once instead of waiting for the next
     * signal of its person to show the gap.
     */
    static final Delivery CATCH_UP = new Delivery("catch-up", null, null, -1, "CATCH_UP", null, null, null, null, null);

    /** Signals a delivery just stored (after the write: a stream that reads the store then finds it). */
    void stored(Delivery delivery) {
        bus.publish("delivery", delivery.recipient(), delivery);
    }

    /** Whether signals arrive: otherwise a stream reads the store on its own. */
    boolean live() {
        return bus.live();
    }

    /** Hands {@code recipient}'s deliveries to {@code stream} until the returned subscription is closed. */
    AutoCloseable subscribe(String tenant, String recipient, Consumer<Delivery> stream) {
        String key = tenant + "/" + recipient;
        // added inside compute: a set fetched first and added to after could be one that another stream of this
        // person, closing meanwhile, had just emptied and removed from the map, and this stream would hear nothing
        streams.compute(key, (k, set) -> {
            Set<Consumer<Delivery>> listening = set != null ? set : ConcurrentHashMap.newKeySet();
            listening.add(stream);
            return listening;
        });
        return () -> streams.computeIfPresent(key, (k, set) -> {
            set.remove(stream);
            return set.isEmpty() ? null : set;
        });
    }

    private void catchUp() {
        streams.values().forEach(listening -> listening.forEach(stream -> stream.accept(CATCH_UP)));
    }

    private void received(JsonNode payload) {
        Delivery delivery = JSON.treeToValue(payload, Delivery.class);
        Set<Consumer<Delivery>> listening = streams.get(delivery.tenantId() + "/" + delivery.recipient());
        if (listening != null) {
            listening.forEach(stream -> stream.accept(delivery));
        }
    }
}
