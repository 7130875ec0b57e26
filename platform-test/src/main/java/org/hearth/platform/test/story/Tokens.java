package org.hearth.platform.test.story;

import org.hearth.platform.test.TestTokenIssuer;

/**
 * Tokens for the people of the demo story, from the shared test issuer. Each is a builder: a test adds what it needs
 * (the audience of the service under test, scopes) and signs.
 */
public final class Tokens {

    public static final String CARLA = "carla";

    private Tokens() {}

    /** Carla, the coordinator of {@code agencyId}. */
    public static TestTokenIssuer.Token coordinator(String agencyId) {
        return member(agencyId, "coordinator").subject(CARLA);
    }

    /** A coordinator of {@code agencyId} signed for {@code audience}: what most service tests call with. */
    public static String coordinator(String agencyId, String audience) {
        return coordinator(agencyId).audience(audience).sign();
    }

    /** Someone of {@code agencyId} in {@code role}, with a subject of their own (a fresh one unless set). */
    public static TestTokenIssuer.Token member(String agencyId, String role) {
        return TestTokenIssuer.shared().token().agency("a", agencyId).roles(role);
    }
}
