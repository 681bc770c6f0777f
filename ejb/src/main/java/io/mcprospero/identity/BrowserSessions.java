package io.mcprospero.identity;

import io.mcprospero.persistence.identity.BrowserSession;
import io.mcprospero.persistence.identity.User;
import io.mcprospero.support.Hashes;
import io.mcprospero.support.RandomTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Signed-in browsers on MCProspero's own pages (the approval page), opened at the end of the same sign-in flow as
 * /oauth/authorize. Short-lived on purpose: a session is for deciding what one link asks, not for staying signed in.
 * Only the hash of the cookie's secret is stored; a session ends at its expiry, when revoked, or when its person is
 * disabled.
 */
@ApplicationScoped
public class BrowserSessions {

    public static final Duration TTL = Duration.ofMinutes(30);

    /** A session just opened: the secret for the browser's cookie, and how long it lasts. */
    public record Opened(String secret, Duration lifetime) {
        @Override
        public String toString() {
            return "Opened[lifetime=" + lifetime + "]";
        }
    }

    /** Who a live session signs in, and the CSRF token its forms carry. */
    public record SignedIn(String userId, String email, String displayName, String csrfToken) {
    }

    private EntityManager entityManager;
    private Clock clock;

    protected BrowserSessions() {
        // for the CDI proxy
    }

    @Inject
    public BrowserSessions(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional
    public Opened open(String userId) {
        Instant now = clock.instant();
        entityManager.createNamedQuery(BrowserSession.DELETE_EXPIRED).setParameter("before", now.minus(TTL)).executeUpdate();
        String secret = RandomTokens.next();
        entityManager.persist(new BrowserSession(Hashes.sha256Hex(secret), userId, RandomTokens.next(), now, now.plus(TTL)));
        return new Opened(secret, TTL);
    }

    /** The person this cookie's secret signs in, while the session is live and the person active. */
    @Transactional
    public Optional<SignedIn> signedIn(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 128) {
            return Optional.empty();
        }
        BrowserSession session = entityManager.find(BrowserSession.class, Hashes.sha256Hex(secret));
        if (session == null || !session.isLive(clock.instant())) {
            return Optional.empty();
        }
        User user = entityManager.find(User.class, session.userId());
        if (user == null || !user.isActive()) {
            return Optional.empty();
        }
        return Optional.of(new SignedIn(user.id(), user.email(), user.displayName(), session.csrfToken()));
    }

    /** Signs this browser out (the session is kept, revoked, until it expires). */
    @Transactional
    public void revoke(String secret) {
        if (secret != null && !secret.isEmpty() && secret.length() <= 128) {
            BrowserSession session = entityManager.find(BrowserSession.class, Hashes.sha256Hex(secret));
            if (session != null) {
                session.revoke(clock.instant());
            }
        }
    }
}
