package org.hearth.patient.access;

import org.hearth.platform.security.Caller;

/**
 * Which partner organisation a partner client speaks for. A hospital may run several clients (the REST integration
 * and a SMART backend client); Keycloak gives them one {@code partner_id} claim, so each sees the referrals the other
 * sent. A client without the claim is a partner of its own ({@code client:<azp>}).
 */
public final class PartnerIdentity {

    private PartnerIdentity() {}

    /** The caller's partner identity; null when the caller is not a partner client. */
    public static String current() {
        if (!Caller.hasRole("partner")) {
            return null;
        }
        return Caller.claim("partner_id")
                .orElseGet(() -> "client:" + Caller.claim("azp").orElseGet(Caller::subject));
    }
}
