package org.hearth.platform.core.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What each instance of each service and of the gateway knows of revoked access, fed by {@link RevocationFeed}.
 * A token is refused when its session was logged out, or when its subject (account) or its client was revoked at or
 * after the token was issued ({@code iat}): an account enabled again, or a user who signs in again, gets new tokens
 * that pass. An entry is kept for {@link #DEFAULT_KEEP}, longer than any access token lives plus the clock skew, so
 * the list stays as small as the revocations of the last hour.
 */
public final class RevocationList {

    /** Keycloak access tokens live 5 minutes here and at most 15 in any sane realm. */
    public static final Duration DEFAULT_KEEP = Duration.ofHours(1);

    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration keep;

    public RevocationList() {
        this(Clock.systemUTC(), DEFAULT_KEEP);
    }

    public RevocationList(Clock clock, Duration keep) {
        this.clock = clock;
        this.keep = keep;
    }

    public void add(Revocation revocation) {
        if (revocation.revokedAt().isBefore(clock.instant().minus(keep))) {
            return; // older than any token that could still be alive
        }
        boolean logout = "LOGOUT".equals(revocation.reason());
        if (revocation.sessionId() != null) {
            remember("sid:" + revocation.sessionId(), revocation.revokedAt());
        }
        if (revocation.subject() != null) {
            // a logout of one named session ends that session; without a session id, or for a disabled account,
            // every token of the account issued until now
            String key = logout && revocation.sessionId() != null ? "logout:" : "sub:";
            remember(key + revocation.subject(), revocation.revokedAt());
        }
        if (revocation.clientId() != null) {
            remember("azp:" + revocation.clientId(), revocation.revokedAt());
        }
        forgetOld();
    }

    /**
     * A token that carries a session id is refused if that session ended (the user's other sessions go on); a token
     * without one (Keycloak can leave {@code sid} out) is refused when its user logged out anywhere after it was
     * issued: the safe side of the trade. A disabled account or partner client loses every token issued until then.
     */
    public boolean refuses(Jwt token) {
        if (revoked.isEmpty()) {
            return false;
        }
        String sessionId = token.getClaimAsString("sid");
        if (sessionId != null && revoked.containsKey("sid:" + sessionId)) {
            return true;
        }
        Instant issuedAt = token.getIssuedAt() == null ? Instant.EPOCH : token.getIssuedAt();
        String subject = token.getSubject();
        return issuedUntil(issuedAt, subject == null ? null : "sub:" + subject)
                || (sessionId == null && issuedUntil(issuedAt, subject == null ? null : "logout:" + subject))
                || issuedUntil(
                        issuedAt,
                        token.getClaimAsString("azp") == null ? null : "azp:" + token.getClaimAsString("azp"));
    }

    private boolean issuedUntil(Instant issuedAt, String key) {
        Instant at = key == null ? null : revoked.get(key);
        return at != null && !issuedAt.isAfter(at);
    }

    private void remember(String key, Instant at) {
        revoked.merge(key, at, RevocationList::later);
    }

    public int size() {
        return revoked.size();
    }

    private void forgetOld() {
        Instant horizon = clock.instant().minus(keep);
        revoked.values().removeIf(at -> at.isBefore(horizon));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
