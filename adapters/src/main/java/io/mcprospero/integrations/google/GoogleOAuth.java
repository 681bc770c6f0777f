package io.mcprospero.integrations.google;

import io.mcprospero.integrations.IntegrationFailure;
import io.mcprospero.integrations.oauth.AccountOAuth;
import io.mcprospero.integrations.oauth.FormPosts;
import io.mcprospero.integrations.oauth.OAuthClientSettings;
import io.mcprospero.integrations.oauth.ProviderTokens;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Google's OAuth 2.0 for web server apps: consent for Gmail and Calendar with offline access (a refresh token) and
 * PKCE, the code exchange, refresh and revocation. With a base URL set (tests), every endpoint is under it.
 */
public final class GoogleOAuth implements AccountOAuth {

    /** Read and send mail, read and write calendar events; openid and email name the account. */
    public static final String SCOPES = "openid email https://www.googleapis.com/auth/gmail.readonly "
            + "https://www.googleapis.com/auth/gmail.send https://www.googleapis.com/auth/calendar.events";

    private final OAuthClientSettings settings;
    private final URI authorization;
    private final URI token;
    private final URI revocation;
    private final Clock clock;

    public GoogleOAuth(OAuthClientSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        String base = settings.baseUrl() == null ? null : settings.baseUrl().replaceAll("/+$", "");
        this.authorization = URI.create(base == null ? "https://accounts.google.com/o/oauth2/v2/auth" : base + "/o/oauth2/v2/auth");
        this.token = URI.create(base == null ? "https://oauth2.googleapis.com/token" : base + "/token");
        this.revocation = URI.create(base == null ? "https://oauth2.googleapis.com/revoke" : base + "/revoke");
    }

    @Override
    public URI authorizationUrl(String state, String redirectUri, String codeChallenge) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", redirectUri);
        query.put("response_type", "code");
        query.put("scope", SCOPES);
        query.put("access_type", "offline");
        // consent every time, so that Google hands out a refresh token again after a disconnect
        query.put("prompt", "consent");
        query.put("include_granted_scopes", "true");
        query.put("state", state);
        query.put("code_challenge", codeChallenge);
        query.put("code_challenge_method", "S256");
        return URI.create(authorization + "?" + FormPosts.encode(query));
    }

    @Override
    public ProviderTokens exchange(String code, String redirectUri, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        form.put("client_id", settings.clientId());
        form.put("client_secret", settings.clientSecret());
        JsonObject answer = tokenCall(form, "the sign-in code was not accepted by Google (it is single use and short-lived); connect again");
        if (!answer.containsKey("refresh_token")) {
            throw new IntegrationFailure(IntegrationFailure.Kind.REFUSED, "Google gave no refresh token (offline access was not granted); connect again");
        }
        return tokens(answer, null);
    }

    @Override
    public ProviderTokens refresh(ProviderTokens tokens) {
        if (tokens.refreshToken() == null) {
            throw new IntegrationFailure(IntegrationFailure.Kind.RECONNECT, "the Google connection has no refresh token; reconnect Google (connect_account)");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", tokens.refreshToken());
        form.put("client_id", settings.clientId());
        form.put("client_secret", settings.clientSecret());
        return tokens.refreshedWith(tokens(tokenCall(form, "Google no longer accepts this connection (it was revoked or expired); "
                + "the person must reconnect Google (connect_account with provider google)"), tokens.account()));
    }

    @Override
    public void revoke(ProviderTokens tokens) {
        String which = tokens.refreshToken() != null ? tokens.refreshToken() : tokens.accessToken();
        FormPosts.Answer answer = FormPosts.post(revocation, Map.of("token", which), "Google");
        // 400 invalid_token: Google no longer knows the token, which is what revoking wants
        if (answer.status() != 200 && !(answer.status() == 400 && "invalid_token".equals(answer.body().getString("error", null)))) {
            throw new IntegrationFailure(answer.status() >= 500 ? IntegrationFailure.Kind.UNAVAILABLE : IntegrationFailure.Kind.REFUSED,
                    "Google refused to revoke the connection (HTTP " + answer.status() + ")");
        }
    }

    private JsonObject tokenCall(Map<String, String> form, String whenGrantRefused) {
        FormPosts.Answer answer = FormPosts.post(token, form, "Google");
        if (answer.status() == 200 && answer.body().containsKey("access_token")) {
            return answer.body();
        }
        String error = answer.body().getString("error", "");
        if ("invalid_grant".equals(error)) {
            throw new IntegrationFailure(IntegrationFailure.Kind.RECONNECT, whenGrantRefused);
        }
        if (answer.status() >= 500 || answer.status() == 429) {
            throw new IntegrationFailure(IntegrationFailure.Kind.UNAVAILABLE, "Google's token endpoint failed (HTTP " + answer.status() + ")");
        }
        throw new IntegrationFailure(IntegrationFailure.Kind.REFUSED, "Google's token endpoint refused the request (HTTP " + answer.status()
                + (error.isEmpty() ? "" : ", " + error) + "); check mcprospero.connect.google.client-id and .client-secret");
    }

    private ProviderTokens tokens(JsonObject answer, String knownAccount) {
        Instant expires = answer.containsKey("expires_in") ? clock.instant().plusSeconds(answer.getJsonNumber("expires_in").longValue()) : null;
        String account = answer.containsKey("id_token") ? emailOf(answer.getString("id_token")) : knownAccount;
        return new ProviderTokens(answer.getString("access_token"), answer.getString("refresh_token", null), expires, account,
                answer.getString("scope", null));
    }

    /**
     * The account's address from the ID token's payload. Only a label for list_connections, so not verified: it came
     * straight from Google's token endpoint over TLS, in answer to our client secret.
     */
    static String emailOf(String idToken) {
        String[] parts = idToken.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            return Json.createReader(new StringReader(payload)).readObject().getString("email", null);
        } catch (IllegalArgumentException | JsonException | ClassCastException unreadable) {
            return null;
        }
    }
}
