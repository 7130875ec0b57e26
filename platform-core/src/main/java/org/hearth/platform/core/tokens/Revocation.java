package org.hearth.platform.core.tokens;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One revoked access (the data of {@code org.hearth.access.AccessRevoked.v1}): a session ended (logout), an account or
 * a partner client disabled. Names accounts and clients by their Keycloak ids only, never a person's name.
 *
 * @param sessionId Keycloak session id ({@code sid}) of a logged-out session, or null
 * @param subject   Keycloak user id ({@code sub}) whose tokens issued until {@code revokedAt} are refused, or null
 * @param clientId  partner client ({@code azp}) whose tokens issued until {@code revokedAt} are refused, or null
 * @param revokedAt when it was revoked
 * @param reason    LOGOUT, ACCOUNT_DISABLED or PARTNER_DISABLED
 */
public record Revocation(
        String revocationId, String sessionId, String subject, String clientId, Instant revokedAt, String reason) {

    public static final String TYPE = "org.hearth.access.AccessRevoked.v1";
    public static final String TOPIC = "hearth.access.revocations";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Revocation {
        Objects.requireNonNull(revokedAt, "revokedAt");
        Objects.requireNonNull(reason, "reason");
        if (sessionId == null && subject == null && clientId == null) {
            throw new IllegalArgumentException("a revocation names a session, a subject or a client");
        }
        revocationId = revocationId == null ? UUID.randomUUID().toString() : revocationId;
    }

    public static Revocation loggedOut(String sessionId, String subject, Instant at) {
        return new Revocation(null, sessionId, subject, null, at, "LOGOUT");
    }

    public static Revocation accountDisabled(String subject, Instant at) {
        return new Revocation(null, null, subject, null, at, "ACCOUNT_DISABLED");
    }

    public static Revocation partnerDisabled(String clientId, Instant at) {
        return new Revocation(null, null, null, clientId, at, "PARTNER_DISABLED");
    }

    public String toJson() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("revocationId", revocationId);
        if (sessionId != null) {
            data.put("sessionId", sessionId);
        }
        if (subject != null) {
            data.put("subject", subject);
        }
        if (clientId != null) {
            data.put("clientId", clientId);
        }
        data.put("revokedAt", revokedAt.toString());
        data.put("reason", reason);
        return JSON.writeValueAsString(data);
    }

    /** Reads the event's data; throws {@link IllegalArgumentException} for anything that is not a revocation. */
    public static Revocation fromJson(String json) {
        try {
            JsonNode data = JSON.readTree(json);
            return new Revocation(
                    data.path("revocationId").asString(null),
                    data.path("sessionId").asString(null),
                    data.path("subject").asString(null),
                    data.path("clientId").asString(null),
                    Instant.parse(data.path("revokedAt").asString()),
                    data.path("reason").asString());
        } catch (RuntimeException malformed) {
            throw new IllegalArgumentException(
                    "not a revocation: " + malformed.getClass().getSimpleName(), malformed);
        }
    }
}
