package org.hearth.platform.events;

/**
 * Declares a MongoDB collection whose documents carry an outbox array the relay must drain.
 *
 * @param deleteWhenDrained true for collections that exist only to hand records to Kafka (the audit trail):
 *                          a document is deleted once its entries are published, so the collection stays
 *                          as small as the backlog instead of growing with every request
 */
public record OutboxCollection(String name, boolean deleteWhenDrained) {

    public OutboxCollection(String name) {
        this(name, false);
    }
}
