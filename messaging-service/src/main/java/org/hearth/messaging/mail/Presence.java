package org.hearth.messaging.mail;

import org.springframework.stereotype.Component;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who has a live stream open on this instance. With several replicas a person may be connected to another one; the
 * "last seen" time in {@link Person} covers that case (a person seen in the last minutes is not mailed).
 */
@Component
public class Presence {

    private final ConcurrentHashMap<String, AtomicInteger> streams = new ConcurrentHashMap<>();

    public void connected(String tenant, String subject) {
        streams.computeIfAbsent(tenant + "/" + subject, k -> new AtomicInteger()).incrementAndGet();
    }

    public void disconnected(String tenant, String subject) {
        streams.computeIfPresent(tenant + "/" + subject, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    public boolean online(String tenant, String subject) {
        return streams.containsKey(tenant + "/" + subject);
    }
}
