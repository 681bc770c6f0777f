package io.mcprospero.oauth;

import io.mcprospero.persistence.oauth.AuthorizationCode;
import io.mcprospero.persistence.oauth.AuthorizationRequest;
import io.mcprospero.persistence.oauth.OAuthClient;
import io.mcprospero.support.Hashes;
import io.mcprospero.support.RandomTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * The authorization endpoint's logic: validates an /authorize request (client and redirect URI first, so
 * that no error is ever sent to an unvalidated URI), keeps it in the database while the person signs in,
 * and on approval issues a single-use code bound to client, redirect URI, PKCE challenge and resource.
 */
@ApplicationScoped
public class AuthorizationRequests {

    private static final String EXPIRED = "this sign-in link has expired or was already used; start again from your MCP client";
    private static final Pattern S256_CHALLENGE = Pattern.compile("^[A-Za-z0-9_-]{43}$");
    /** The longest state and scope accepted: well above what clients send, well below what the columns hold. */
    static final int MAX_STATE = 1024;
    static final int MAX_SCOPE = 1000;
    static final int MAX_RESOURCE = 2048;
    /** Wrong access codes one sign-in page may take (per flow, besides the per-address limit of SignInAttempts). */
    public static final int MAX_FAILED_CODES = 5;
    /** Expired requests are deleted at most this often per instance, by the next request to arrive. */
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

    private EntityManager entityManager;
    private OAuthClients clients;
    private OAuthSettings settings;
    private Clock clock;

    protected AuthorizationRequests() {
        // for the CDI proxy
    }

    @Inject
    public AuthorizationRequests(EntityManager entityManager, OAuthClients clients, OAuthSettings settings, Clock clock) {
        this.entityManager = entityManager;
        this.clients = clients;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Validates the request and stores it, bound to the browser that made it: the returned secret goes into
     * a cookie, and every later step of the flow (sign-in, callback, welcome, consent) must present it, so
     * a link to someone else's half-finished sign-in is worthless.
     */
    @Transactional
    public BrowserFlow begin(AuthorizeParameters parameters) {
        Instant now = clock.instant();
        OAuthClient client = knownClient(parameters.clientId(), now);
        String redirectUri = registeredRedirectUri(client, parameters.redirectUri());
        String state = parameters.state();
        if (state != null && state.length() > MAX_STATE) {
            // not sent back: a redirect would carry the oversized value again
            throw new UnsafeRedirect("the request's state is " + state.length() + " characters long; at most " + MAX_STATE
                    + " are accepted. Nothing was sent to the client.");
        }
        if (parameters.scope() != null && parameters.scope().length() > MAX_SCOPE) {
            throw new RedirectableError(redirectUri, state, "invalid_scope", "scope is longer than " + MAX_SCOPE + " characters");
        }
        if (parameters.resource() != null && parameters.resource().length() > MAX_RESOURCE) {
            throw new RedirectableError(redirectUri, state, "invalid_target", "resource is longer than " + MAX_RESOURCE + " characters");
        }
        if (!"code".equals(parameters.responseType())) {
            throw new RedirectableError(redirectUri, state, "unsupported_response_type",
                    "response_type must be \"code\" (the authorization code flow with PKCE)");
        }
        if (parameters.codeChallenge() == null || parameters.codeChallenge().isBlank()) {
            throw new RedirectableError(redirectUri, state, "invalid_request", "code_challenge is required (PKCE with S256)");
        }
        if (!"S256".equals(parameters.codeChallengeMethod())) {
            throw new RedirectableError(redirectUri, state, "invalid_request",
                    "code_challenge_method must be S256; \"plain\" and a missing method are refused");
        }
        if (!S256_CHALLENGE.matcher(parameters.codeChallenge()).matches()) {
            throw new RedirectableError(redirectUri, state, "invalid_request",
                    "code_challenge must be the base64url SHA-256 of the verifier (43 characters)");
        }
        String resource = resource(parameters.resource(), redirectUri, state);
        String browserSecret = RandomTokens.next();
        purgeExpired(now);
        Instant expiry = now.plus(settings.authorizationRequestTtl());
        clients.recordAuthorizationRequest(client.clientId(), now, expiry);
        AuthorizationRequest request = new AuthorizationRequest(RandomTokens.next(), client.clientId(), redirectUri, state,
                parameters.codeChallenge(), resource, Scopes.granted(parameters.scope()), now, expiry,
                Hashes.sha256Hex(browserSecret), RandomTokens.next());
        entityManager.persist(request);
        return new BrowserFlow(request, browserSecret);
    }

    /**
     * A sign-in for one of MCProspero's own pages (the approval page), bound to this browser like {@link #begin}: the
     * same sign-in, welcome and invitations steps, then back to {@code returnTo}, a path on this server, signed in.
     */
    @Transactional
    public BrowserFlow beginReturningTo(String returnTo) {
        Instant now = clock.instant();
        String browserSecret = RandomTokens.next();
        purgeExpired(now);
        AuthorizationRequest request = AuthorizationRequest.returningTo(RandomTokens.next(), returnTo, now,
                now.plus(settings.authorizationRequestTtl()), Hashes.sha256Hex(browserSecret), RandomTokens.next());
        entityManager.persist(request);
        return new BrowserFlow(request, browserSecret);
    }

    /** The person signed in for one of MCProspero's own pages: completes the request and answers that page's URL. */
    @Transactional
    public String returned(String requestId, String userId) {
        AuthorizationRequest request = completedBy(requestId, userId);
        if (request.returnTo() == null) {
            throw new UnsafeRedirect("this sign-in belongs to an MCP client; start again from your MCP client");
        }
        return settings.endpoint(request.returnTo());
    }

    /**
     * Deletes requests that expired a while ago (one conditional DELETE, safe on several instances at once), at most
     * once a minute on this instance: requests are made by anyone, so they must not pile up.
     */
    private void purgeExpired(Instant now) {
        Instant last = lastPurge.get();
        if (now.isBefore(last.plus(PURGE_EVERY)) || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        entityManager.createNamedQuery(AuthorizationRequest.DELETE_EXPIRED)
                .setParameter("before", now.minus(settings.authorizationRequestTtl())).executeUpdate();
    }

    /**
     * The open request with this id, locked for update, provided the browser presents the secret it was given
     * at /authorize; anything else is refused without saying which part was wrong.
     */
    @Transactional
    public AuthorizationRequest bound(String requestId, String browserSecret) {
        AuthorizationRequest request = requestId == null || requestId.length() > 64 ? null
                : entityManager.find(AuthorizationRequest.class, requestId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null || !request.isOpen(clock.instant())) {
            throw new UnsafeRedirect(EXPIRED);
        }
        if (browserSecret == null || !Hashes.constantTimeEquals(request.browserHash(), Hashes.sha256Hex(browserSecret))) {
            throw new UnsafeRedirect("this sign-in was started in another browser (or its cookie was blocked); "
                    + "start again from your MCP client in this browser");
        }
        return request;
    }

    /** Like {@link #bound}, for a form post: its CSRF token must match the one the form was rendered with. */
    @Transactional
    public AuthorizationRequest boundForm(String requestId, String browserSecret, String csrfToken) {
        AuthorizationRequest request = bound(requestId, browserSecret);
        if (csrfToken == null || !Hashes.constantTimeEquals(request.csrfToken(), csrfToken)) {
            throw new UnsafeRedirect("this form is out of date or did not come from MCProspero; start again from your MCP client");
        }
        return request;
    }

    /**
     * Counts a wrong access code against the request; at {@link #MAX_FAILED_CODES} the request ends and the person
     * starts again from the client. Returns whether the request is still open.
     */
    @Transactional
    public boolean codeFailed(String requestId, String browserSecret) {
        AuthorizationRequest request = bound(requestId, browserSecret);
        if (request.codeFailed() >= MAX_FAILED_CODES) {
            request.complete(clock.instant());
            return false;
        }
        return true;
    }

    /** Keeps the upstream leg's state, nonce and PKCE verifier until the provider sends the browser back. */
    @Transactional
    public void sentUpstream(String requestId, String state, String nonce, String verifier) {
        AuthorizationRequest request = entityManager.find(AuthorizationRequest.class, requestId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null || !request.isOpen(clock.instant())) {
            throw new UnsafeRedirect(EXPIRED);
        }
        request.sentUpstream(state, nonce, verifier);
    }

    /** The open, not yet signed-in request that sent the browser upstream with this state. */
    @Transactional
    public AuthorizationRequest byUpstreamState(String state) {
        AuthorizationRequest request = state == null || state.length() > 64 ? null
                : entityManager.createNamedQuery(AuthorizationRequest.BY_UPSTREAM_STATE, AuthorizationRequest.class)
                        .setParameter("state", state).getResultStream().findFirst().orElse(null);
        if (request == null || !request.isOpen(clock.instant()) || request.isAuthenticated()) {
            throw new UnsafeRedirect(EXPIRED);
        }
        return request;
    }

    /** Records who signed in for this request. */
    @Transactional
    public void authenticated(String requestId, String browserSecret, String userId) {
        AuthorizationRequest request = bound(requestId, browserSecret);
        if (request.isAuthenticated()) {
            // a replayed sign-in form must not switch the person mid-flow (after welcome or consent of another)
            throw new UnsafeRedirect("someone already signed in for this request; start again from your MCP client");
        }
        request.authenticated(userId, clock.instant());
    }

    /** The client behind a request, as stored, for the consent page (no metadata document is fetched here). */
    @Transactional
    public OAuthClient clientOf(AuthorizationRequest request) {
        return clients.stored(request.clientId(), clock.instant()).orElseThrow(() -> new UnsafeRedirect(
                "the client_id is not registered here (or its registration expired); reconnect from your MCP client"));
    }

    /** The person declined: the request ends and the client hears access_denied (RFC 6749 §4.1.2.1). */
    @Transactional
    public String deny(String requestId) {
        AuthorizationRequest request = entityManager.find(AuthorizationRequest.class, requestId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null || !request.isOpen(clock.instant())) {
            throw new UnsafeRedirect(EXPIRED);
        }
        request.complete(clock.instant());
        return Redirects.withError(new RedirectableError(request.redirectUri(), request.state(), "access_denied",
                "the person declined to let this application connect"), settings.issuer());
    }

    /** The open request with this id, for showing the sign-in page again. */
    @Transactional
    public Optional<AuthorizationRequest> open(String requestId) {
        if (requestId == null || requestId.length() > 64) {
            return Optional.empty();
        }
        AuthorizationRequest request = entityManager.find(AuthorizationRequest.class, requestId);
        return request != null && request.isOpen(clock.instant()) ? Optional.of(request) : Optional.empty();
    }

    /** The person signed in and approved: completes the request and returns the redirect with the code. */
    @Transactional
    public String approve(String requestId, String userId) {
        AuthorizationRequest request = completedBy(requestId, userId);
        if (request.returnTo() != null) {
            throw new UnsafeRedirect("this sign-in was for a page of MCProspero, not for an MCP client");
        }
        Instant now = clock.instant();
        String code = RandomTokens.next();
        entityManager.persist(new AuthorizationCode(Hashes.sha256Hex(code), request.clientId(), userId, request.redirectUri(),
                request.codeChallenge(), request.resource(), request.scope(), now, now.plus(settings.codeTtl())));
        return Redirects.withCode(request.redirectUri(), code, request.state(), settings.issuer());
    }

    /** Locks the open request, checks that this person signed in for it, and completes it. */
    private AuthorizationRequest completedBy(String requestId, String userId) {
        Instant now = clock.instant();
        AuthorizationRequest request = requestId == null || requestId.length() > 64 ? null
                : entityManager.find(AuthorizationRequest.class, requestId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null || !request.isOpen(now)) {
            throw new UnsafeRedirect(EXPIRED);
        }
        if (!userId.equals(request.userId())) {
            throw new UnsafeRedirect("this sign-in was not completed by the person approving it; start again from your MCP client");
        }
        request.complete(now);
        return request;
    }

    private OAuthClient knownClient(String clientId, Instant now) {
        if (clientId == null || clientId.isBlank()) {
            throw new UnsafeRedirect("the request has no client_id; the MCP client must register first");
        }
        try {
            return clients.find(clientId, now).orElseThrow(() -> new UnsafeRedirect(
                    "the client_id is not registered here (or its registration expired); reconnect from your MCP client"));
        } catch (MetadataDocumentRefused refused) {
            throw new UnsafeRedirect("the client's metadata document at " + clientId + " cannot be used: " + refused.getMessage()
                    + ". Nothing was sent to the client.");
        }
    }

    private static String registeredRedirectUri(OAuthClient client, String presented) {
        if (presented == null || presented.isBlank()) {
            if (client.redirectUris().size() == 1) {
                return client.redirectUris().get(0);
            }
            throw new UnsafeRedirect("the request has no redirect_uri and the client registered several");
        }
        return client.redirectUris().stream()
                .filter(registered -> RedirectUris.matches(registered, presented))
                .findFirst()
                .map(registered -> presented)
                .orElseThrow(() -> new UnsafeRedirect("the redirect_uri is not one this client registered; nothing was sent to it"));
    }

    private String resource(String requested, String redirectUri, String state) {
        if (requested == null || requested.isBlank()) {
            return settings.mcpResource();
        }
        String normalized = requested.endsWith("/") ? requested.substring(0, requested.length() - 1) : requested;
        if (!normalized.equals(settings.mcpResource()) && !normalized.equals(settings.issuer())) {
            throw new RedirectableError(redirectUri, state, "invalid_target",
                    "resource must be this server's MCP endpoint, " + settings.mcpResource());
        }
        return settings.mcpResource();
    }
}
