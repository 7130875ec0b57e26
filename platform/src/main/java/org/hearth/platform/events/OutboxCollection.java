package org.hearth.platform.events;

/** Declares a MongoDB collection whose documents carry an outbox array the relay must drain. */
public record OutboxCollection(String name) {
}
