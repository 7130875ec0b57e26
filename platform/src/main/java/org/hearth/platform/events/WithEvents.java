package org.hearth.platform.events;

import java.util.List;

/** What a domain operation produced together with the events it caused (FTGO's ResultWithDomainEvents). */
public record WithEvents<T>(T result, List<DomainEvent> events) {

    public WithEvents {
        events = List.copyOf(events);
    }

    public static <T> WithEvents<T> of(T result, DomainEvent... events) {
        return new WithEvents<>(result, List.of(events));
    }
}
