package io.mcprospero.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Plays an OAuth client (and the person at the browser) against the server's authorization server with
 * local sign-in: register, authorize with PKCE, sign in on the page, exchange the code.
 */
public final class LocalSignIn {

    public static final String REDIRECT_URI = "http://127.0.0.1:45231/callback";

    private final String baseUrl;

    public LocalSignIn(ServerUnderTest server) {
        this(server.baseUrl());
    }

    /** Signs in at {@code baseUrl}, the server's own or a balancer's in front of several. */
    public LocalSignIn(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public record Client(String clientId, String redirectUri) {
    }

    public record Tokens(String accessToken, String refreshToken, JsonObject response) {
    }

    public Client register() {
        HttpResponse<String> response = Http.postJson(baseUrl + "/oauth/register",
                "{\"redirect_uris\":[\"" + REDIRECT_URI + "\"],\"client_name\":\"IT client\",\"token_endpoint_auth_method\":\"none\","
                        + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"response_types\":[\"code\"]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new Client(Http.json(response).getString("client_id"), REDIRECT_URI);
    }

    public static String verifier() {
        return UUID.randomUUID() + "-" + UUID.randomUUID();
    }

    public static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** GET /oauth/authorize with these query parameters, in a fresh browser. */
    public HttpResponse<String> authorize(Map<String, String> parameters) {
        return authorize(new Browser(), parameters);
    }

    /** The authorize URL for this client, with a fresh verifier and state. */
    public String authorizeUrl(Client client) {
        return authorizeUrl(authorizeParameters(client, verifier(), "st-" + UUID.randomUUID()));
    }

    /** GET /oauth/authorize with these query parameters, in this browser. */
    public HttpResponse<String> authorize(Browser browser, Map<String, String> parameters) {
        return browser.get(authorizeUrl(parameters));
    }

    public String authorizeUrl(Map<String, String> parameters) {
        StringBuilder url = new StringBuilder(baseUrl).append("/oauth/authorize");
        char separator = '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            url.append(separator).append(parameter.getKey()).append('=')
                    .append(java.net.URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return url.toString();
    }

    public Map<String, String> authorizeParameters(Client client, String verifier, String state) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", client.clientId());
        parameters.put("redirect_uri", client.redirectUri());
        parameters.put("state", state);
        parameters.put("code_challenge", challenge(verifier));
        parameters.put("code_challenge_method", "S256");
        parameters.put("resource", baseUrl + "/mcp");
        return parameters;
    }

    /** Signs in on the page the authorize URL shows, then welcome and consent as needed; returns the redirect to the client. */
    public URI signInAt(String authorizeUrl, String email) {
        return signInAt(new Browser(), authorizeUrl, email);
    }

    public URI signInAt(Browser browser, String authorizeUrl, String email) {
        HttpResponse<String> page = browser.get(authorizeUrl);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return submitSignIn(browser, page.body(), email);
    }

    /** Submits the sign-in form of this page with the right access code and walks on to the client's redirect. */
    public URI submitSignIn(Browser browser, String signInPage, String email) {
        HttpResponse<String> signedIn = browser.postForm(baseUrl + "/oauth/sign-in", Map.of(
                "request", Browser.field(signInPage, "request"), "csrf", Browser.field(signInPage, "csrf"),
                "email", email, "access_code", ServerUnderTest.ACCESS_CODE));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        URI location = URI.create(signedIn.headers().firstValue("Location").orElseThrow());
        return browser.completeFlow(baseUrl, location, "Person " + email);
    }

    /**
     * Opens a page of MCProspero that asks for a sign-in (the approval page) in this browser, signs in there as this
     * person, and walks the flow; returns where it sends the browser back to.
     */
    public URI signInForPage(Browser browser, String pageUrl, String email) {
        HttpResponse<String> page = browser.get(pageUrl);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).as("a page that needs a signed-in person shows the sign-in first").contains("Sign in to MCProspero");
        return submitSignIn(browser, page.body(), email);
    }

    public String codeFor(Client client, String verifier, String email) {
        Browser browser = new Browser();
        HttpResponse<String> page = authorize(browser, authorizeParameters(client, verifier, "s-" + UUID.randomUUID()));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return query(submitSignIn(browser, page.body(), email)).get("code");
    }

    public HttpResponse<String> exchange(Client client, String code, String verifier) {
        return Http.postForm(baseUrl + "/oauth/token", Map.of(
                "grant_type", "authorization_code", "code", code, "redirect_uri", client.redirectUri(),
                "client_id", client.clientId(), "code_verifier", verifier));
    }

    public HttpResponse<String> refresh(Client client, String refreshToken) {
        return Http.postForm(baseUrl + "/oauth/token", Map.of(
                "grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", client.clientId()));
    }

    /** The whole flow for a person with this email: a fresh client and its tokens. */
    public Tokens tokensFor(String email) {
        Client client = register();
        String verifier = verifier();
        HttpResponse<String> response = exchange(client, codeFor(client, verifier, email), verifier);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject json = Http.json(response);
        return new Tokens(json.getString("access_token"), json.getString("refresh_token"), json);
    }

    public static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }
}
