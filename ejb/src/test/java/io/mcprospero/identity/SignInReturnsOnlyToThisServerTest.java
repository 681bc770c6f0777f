package io.mcprospero.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcprospero.persistence.identity.BrowserSession;
import io.mcprospero.persistence.oauth.AuthorizationRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A sign-in for MCProspero's own page returns to a path on this server, never elsewhere; its session ends. */
class SignInReturnsOnlyToThisServerTest {

    private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");
    private static final String HASH = "a".repeat(64);

    private static AuthorizationRequest returningTo(String path) {
        return AuthorizationRequest.returningTo("request-1", path, NOW, NOW.plusSeconds(600), HASH, "csrf-1");
    }

    @Test
    void aPathOnThisServerIsWhereTheSignInReturnsAndNoClientIsInvolved() {
        AuthorizationRequest request = returningTo("/agents/approve/abc");

        assertThat(request.returnTo()).isEqualTo("/agents/approve/abc");
        assertThat(request.clientId()).isNull();
        assertThat(request.isOpen(NOW)).isTrue();
    }

    @Test
    void anotherSiteIsRefusedAsAReturnTarget() {
        for (String elsewhere : new String[] {"https://attacker.example/x", "//attacker.example/x", "agents/approve/abc", null}) {
            assertThatThrownBy(() -> returningTo(elsewhere)).as(String.valueOf(elsewhere)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aBrowserSessionEndsAtItsExpiryOrWhenRevoked() {
        BrowserSession session = new BrowserSession(HASH, "user-1", "csrf-1", NOW, NOW.plus(BrowserSessions.TTL));

        assertThat(session.isLive(NOW.plus(BrowserSessions.TTL).minusSeconds(1))).isTrue();
        assertThat(session.isLive(NOW.plus(BrowserSessions.TTL))).isFalse();
        session.revoke(NOW);
        assertThat(session.isLive(NOW)).isFalse();
    }
}
