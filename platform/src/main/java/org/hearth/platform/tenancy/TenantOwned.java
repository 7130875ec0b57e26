package org.hearth.platform.tenancy;

/** A stored document that belongs to one agency; the field {@code tenantId} holds its {@link TenantId}. */
public interface TenantOwned {

    String FIELD = "tenantId";

    String tenantId();
}
