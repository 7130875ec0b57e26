package org.hearth.platform.aggregate;

import org.hearth.platform.tenancy.TenantOwned;

/**
 * How an aggregate is stored: its agency, the version clients send back in If-Match (field {@code version}) and, in
 * a field {@code outbox}, the events not yet published.
 */
public interface AggregateDocument extends TenantOwned {

    long version();
}
