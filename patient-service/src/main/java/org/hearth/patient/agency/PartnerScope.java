package org.hearth.patient.agency;

import java.util.Arrays;
import java.util.Optional;

/** What a partner system may be granted, in the agency admin's words, and the realm client scope behind it. */
enum PartnerScope {
    REFERRALS_WRITE("referrals:write", "hearth.referrals"),
    OBSERVATIONS_WRITE("observations:write", "hearth.observations"),
    PATIENTS_READ("patients:read", "hearth.patients.read");

    private final String name;
    private final String clientScope;

    PartnerScope(String name, String clientScope) {
        this.name = name;
        this.clientScope = clientScope;
    }

    String scopeName() {
        return name;
    }

    String clientScope() {
        return clientScope;
    }

    static Optional<PartnerScope> named(String name) {
        return Arrays.stream(values()).filter(s -> s.name.equals(name)).findFirst();
    }

    static Optional<PartnerScope> ofClientScope(String clientScope) {
        return Arrays.stream(values())
                .filter(s -> s.clientScope.equals(clientScope))
                .findFirst();
    }
}
