package org.hearth.platform.store;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * MongoDB client time-outs under {@code hearth.platform.mongo}, the same in every service. They are short so
 * that a request fails within about two seconds when the store is unreachable, instead of holding a thread
 * for the driver's defaults (30 s server selection, 2 min pool wait, no read time-out at all). An option in
 * {@code spring.mongodb.uri} (e.g. {@code serverSelectionTimeoutMS}) still wins over these.
 *
 * @param serverSelectionTimeout how long an operation waits for a reachable server; the time a request takes to
 *                               fail while the store is down
 * @param connectTimeout         TCP connect to a server
 * @param poolWaitTimeout        how long an operation waits for a free pooled connection
 * @param readTimeout            how long one round trip (a command, or one batch of a cursor) may take. Lists are
 *                               paged (at most 200 documents a page) and the optimizer reads a day's visits in
 *                               cursor batches, each a round trip well under a second; a server that does not
 *                               answer one of them in this time is treated as unreachable. Not shorter, so that a
 *                               loaded replica set's slow but healthy write (w: majority) is not cut off
 * @param retryAfter             what {@code Retry-After} tells a caller refused with 503 while the store is down
 * @param writeConcern           {@code w} of every write, e.g. {@code majority} (production: an acknowledged write
 *                               is on a majority of the replica set and survives a failover); empty: the URI's or
 *                               the driver's default ({@code w: 1})
 * @param journal                {@code j}: true waits for the journal on disk before acknowledging; empty: default
 * @param readConcern            read concern level, e.g. {@code majority} (reads see only what cannot be rolled back);
 *                               empty: default ({@code local})
 */
@ConfigurationProperties("hearth.platform.mongo")
public record StoreProperties(
        @DefaultValue("1500ms") Duration serverSelectionTimeout,
        @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("1500ms") Duration poolWaitTimeout,
        @DefaultValue("5s") Duration readTimeout,
        @DefaultValue("2s") Duration retryAfter,
        String writeConcern,
        Boolean journal,
        String readConcern) {}
