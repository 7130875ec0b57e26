package org.hearth.platform.tenancy;

/** The caller is authenticated but belongs to no single agency, so no agency data may be touched. */
public class MissingTenantException extends RuntimeException {

    public MissingTenantException(String message) {
        super(message);
    }
}
