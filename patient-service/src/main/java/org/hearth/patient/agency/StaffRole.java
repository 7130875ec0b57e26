package org.hearth.patient.agency;

import java.util.Arrays;
import java.util.Optional;

/**
 * Realm roles an agency admin may give staff (ARCHITECTURE §4). {@code family} and {@code partner} are not
 * among them: family accounts come from a care-circle invitation, partners are clients, not people.
 */
enum StaffRole {
    AGENCY_ADMIN("agency-admin"),
    COORDINATOR("coordinator"),
    PHYSICIAN("physician"),
    NURSE("nurse"),
    THERAPIST("therapist"),
    AIDE("aide"),
    SOCIAL_WORKER("social-worker"),
    CASE_MANAGER("case-manager"),
    BILLING("billing");

    private final String realmRole;

    StaffRole(String realmRole) {
        this.realmRole = realmRole;
    }

    String realmRole() {
        return realmRole;
    }

    static Optional<StaffRole> ofRealmRole(String name) {
        return Arrays.stream(values()).filter(r -> r.realmRole.equals(name)).findFirst();
    }
}
