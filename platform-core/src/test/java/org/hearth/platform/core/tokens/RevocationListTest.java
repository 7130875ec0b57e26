package org.hearth.platform.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

class RevocationListTest {

    private static final Instant NOW = Instant.parse("2026-12-03T14:00:00Z");
    private final RevocationList list = new RevocationList(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(1));

    private static Jwt token(String sub, String sid, String azp, Instant issuedAt) {
        Jwt.Builder builder = Jwt.withTokenValue("t-" + sub + sid + issuedAt)
                .header("alg", "RS256")
                .subject(sub)
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plusSeconds(300))
                .claim("azp", azp);
        if (sid != null) {
            builder.claim("sid", sid);
        }
        return builder.build();
    }

    @Test
    void aLoggedOutSessionLosesItsTokensAndTheUsersOtherSessionsGoOn() {
        list.add(Revocation.loggedOut("session-1", "carla", NOW));
        assertThat(list.refuses(token("carla", "session-1", "hearth-cli", NOW.minusSeconds(60))))
                .isTrue();
        assertThat(list.refuses(token("carla", "session-2", "hearth-cli", NOW.minusSeconds(60))))
                .isFalse();
    }

    @Test
    void aTokenWithoutSessionIdIsRefusedWhenItsUserLoggedOutAfterItWasIssued() {
        list.add(Revocation.loggedOut("session-1", "carla", NOW));
        assertThat(list.refuses(token("carla", null, "hearth-cli", NOW.minusSeconds(60))))
                .isTrue();
        assertThat(list.refuses(token("carla", null, "hearth-cli", NOW.plusSeconds(5))))
                .isFalse();
        assertThat(list.refuses(token("nina", null, "hearth-cli", NOW.minusSeconds(60))))
                .isFalse();
    }

    @Test
    void aDisabledAccountLosesEveryTokenIssuedUntilThenWhateverTheSession() {
        list.add(Revocation.accountDisabled("carla", NOW));
        assertThat(list.refuses(token("carla", "session-2", "hearth-console", NOW.minusSeconds(1))))
                .isTrue();
        assertThat(list.refuses(token("carla", null, "hearth-cli", NOW)))
                .as("issued in the same second")
                .isTrue();
        assertThat(list.refuses(token("carla", "session-3", "hearth-cli", NOW.plusSeconds(60))))
                .as("enabled again and signed in again")
                .isFalse();
    }

    @Test
    void aDisabledPartnerLosesItsClientCredentialsTokens() {
        list.add(Revocation.partnerDisabled("sunrise-partner", NOW));
        assertThat(list.refuses(
                        token("service-account-sunrise-partner", null, "sunrise-partner", NOW.minusSeconds(30))))
                .isTrue();
        assertThat(list.refuses(
                        token("service-account-riverbend-partner", null, "riverbend-partner", NOW.minusSeconds(30))))
                .isFalse();
    }

    @Test
    void revocationsOlderThanAnyLivingTokenAreNotKept() {
        list.add(Revocation.accountDisabled("carla", NOW.minus(Duration.ofHours(2))));
        assertThat(list.size()).isZero();
    }

    @Test
    void theEventRoundTripsAndMalformedDataIsRefused() {
        Revocation revocation = Revocation.loggedOut("session-1", "carla", NOW);
        assertThat(Revocation.fromJson(revocation.toJson())).isEqualTo(revocation);
        assertThat(revocation.toJson()).doesNotContain("clientId");
        assertThatThrownBy(() -> Revocation.fromJson("{\"reason\":\"LOGOUT\"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Revocation.fromJson("{\"revokedAt\":\"2026-12-03T14:00:00Z\",\"reason\":\"LOGOUT\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("revocation");
    }

    @Test
    void aRememberedTokenIsRefusedOnTheNextRequestOnceRevoked() {
        AcceptedTokens accepted = new AcceptedTokens(10, Clock.fixed(NOW, ZoneOffset.UTC), list);
        Jwt jwt = token("carla", "session-1", "hearth-cli", NOW.minusSeconds(10));
        accepted.remember("compact", jwt);
        assertThat(accepted.notRevoked("compact", accepted.recall("compact"))).isSameAs(jwt);
        list.add(Revocation.loggedOut("session-1", "carla", NOW));
        assertThatThrownBy(() -> accepted.notRevoked("compact", accepted.recall("compact")))
                .isInstanceOf(BadJwtException.class);
        assertThat(accepted.recall("compact")).as("forgotten once refused").isNull();
    }
}
