package io.mcprospero.oauth;

import io.mcprospero.grants.Grants;
import io.mcprospero.persistence.identity.User;
import io.mcprospero.persistence.oauth.AuthorizationCode;
import io.mcprospero.persistence.oauth.Grant;
import io.mcprospero.persistence.oauth.OAuthClient;
import io.mcprospero.persistence.oauth.RefreshToken;
import io.mcprospero.support.Hashes;
import io.mcprospero.support.RandomTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The token endpoint's grants. Codes are single-use and bound to client, redirect URI, PKCE verifier and
 * resource; a replayed code revokes what it issued. Refresh tokens rotate on every use, and presenting an
 * already-used one revokes its whole family (OAuth 2.1 §4.3.1, RFC 9700 §4.14).
 */
@ApplicationScoped
public class TokenGrants {

    private static final Pattern VERIFIER = Pattern.compile("^[A-Za-z0-9._~-]{43,128}$");

    private EntityManager entityManager;
    private ClientAuthentication clients;
    private OAuthClients clientUse;
    private AccessTokens accessTokens;
    private Grants grants;
    private OAuthSettings settings;
    private Clock clock;

    protected TokenGrants() {
        // for the CDI proxy
    }

    @Inject
    public TokenGrants(EntityManager entityManager, ClientAuthentication clients, OAuthClients clientUse, AccessTokens accessTokens,
                       Grants grants, OAuthSettings settings, Clock clock) {
        this.entityManager = entityManager;
        this.clients = clients;
        this.clientUse = clientUse;
        this.accessTokens = accessTokens;
        this.grants = grants;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Handles a token request. Failures that must still be recorded (a replayed code or refresh token
     * revokes the family) are committed, then reported: the OAuthError is thrown after the transaction.
     */
    @Transactional(dontRollbackOn = OAuthError.class)
    public TokenResponse exchange(Map<String, String> form, ClientCredentials credentials) {
        String grantType = form.get("grant_type");
        if (grantType == null || grantType.isBlank()) {
            throw OAuthError.invalidRequest("grant_type is required");
        }
        OAuthClient client = clients.authenticate(credentials);
        return switch (grantType) {
            case "authorization_code" -> redeemCode(form, client);
            case "refresh_token" -> refresh(form, client);
            default -> throw new OAuthError("unsupported_grant_type",
                    "grant_type must be authorization_code or refresh_token", 400);
        };
    }

    private TokenResponse redeemCode(Map<String, String> form, OAuthClient client) {
        String code = required(form, "code");
        String redirectUri = required(form, "redirect_uri");
        String verifier = required(form, "code_verifier");
        Instant now = clock.instant();
        AuthorizationCode row = code.length() > 512 ? null
                : entityManager.find(AuthorizationCode.class, Hashes.sha256Hex(code), LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            throw OAuthError.invalidGrant("the authorization code is not valid");
        }
        if (row.isRedeemed()) {
            revokeFamily(row.tokenFamilyId(), now);
            throw OAuthError.invalidGrant("the authorization code was already used; the tokens it issued are revoked");
        }
        if (row.isExpired(now)) {
            throw OAuthError.invalidGrant("the authorization code has expired; start the sign-in again");
        }
        if (!row.clientId().equals(client.clientId())) {
            throw OAuthError.invalidGrant("the authorization code was issued to another client");
        }
        if (!row.redirectUri().equals(redirectUri)) {
            throw OAuthError.invalidGrant("redirect_uri does not match the one of the authorization request");
        }
        if (!VERIFIER.matcher(verifier).matches() || !Hashes.constantTimeEquals(s256(verifier), row.codeChallenge())) {
            throw OAuthError.invalidGrant("code_verifier does not match the code_challenge (PKCE S256)");
        }
        checkResource(form.get("resource"), row.resource());
        String familyId = UUID.randomUUID().toString();
        row.redeem(familyId, now);
        grants.open(familyId, row.userId(), client.clientId());
        clientUse.recordTokenGrant(client.clientId(), now);
        return issue(row.userId(), client.clientId(), row.resource(), row.scope(), familyId, now);
    }

    private TokenResponse refresh(Map<String, String> form, OAuthClient client) {
        String presented = required(form, "refresh_token");
        Instant now = clock.instant();
        RefreshToken token = presented.length() > 512 ? null
                : entityManager.find(RefreshToken.class, Hashes.sha256Hex(presented), LockModeType.PESSIMISTIC_WRITE);
        if (token == null || !token.clientId().equals(client.clientId())) {
            throw OAuthError.invalidGrant("the refresh token is not valid");
        }
        if (token.wasAlreadyUsed()) {
            revokeFamily(token.familyId(), now);
            throw OAuthError.invalidGrant("the refresh token was already used; every token of this sign-in is revoked, sign in again");
        }
        if (!token.isUsable(now)) {
            throw OAuthError.invalidGrant("the refresh token has expired or was revoked; sign in again");
        }
        User user = entityManager.find(User.class, token.userId());
        if (user == null || !user.isActive()) {
            revokeFamily(token.familyId(), now);
            throw OAuthError.invalidGrant("the account is disabled");
        }
        checkResource(form.get("resource"), token.resource());
        token.markUsed(now);
        if (entityManager.find(Grant.class, token.familyId()) == null) {
            // a family older than grants that the migration did not carry over (every one of its tokens was revoked
            // then) cannot reach here; this keeps a usable refresh token usable whatever its history
            grants.open(token.familyId(), token.userId(), client.clientId());
        }
        clientUse.recordTokenGrant(client.clientId(), now);
        return issue(token.userId(), client.clientId(), token.resource(), token.scope(), token.familyId(), now);
    }

    private TokenResponse issue(String userId, String clientId, String resource, String scope, String familyId, Instant now) {
        AccessTokens.IssuedToken access = accessTokens.issue(userId, clientId, familyId, resource, scope);
        String refresh = RandomTokens.next();
        entityManager.persist(new RefreshToken(Hashes.sha256Hex(refresh), familyId, clientId, userId, resource, scope,
                now, now.plus(settings.refreshTokenTtl())));
        return new TokenResponse(access.value(), access.expiresInSeconds(), refresh, scope);
    }

    /** A replayed code or refresh token: the family's refresh tokens and its grant, whose access tokens stop at once. */
    private void revokeFamily(String familyId, Instant now) {
        TokenRevocation.revokeFamily(entityManager, familyId, now);
        if (familyId != null) {
            grants.revoke(familyId);
        }
    }

    private void checkResource(String requested, String granted) {
        if (requested != null && !requested.isBlank()) {
            String normalized = requested.endsWith("/") ? requested.substring(0, requested.length() - 1) : requested;
            if (!normalized.equals(granted) && !normalized.equals(settings.issuer())) {
                throw new OAuthError("invalid_target", "resource must be " + granted, 400);
            }
        }
    }

    private static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw OAuthError.invalidRequest(name + " is required");
        }
        return value;
    }

    private static String s256(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Hashes.sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
    }
}
