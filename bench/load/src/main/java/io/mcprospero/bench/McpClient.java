package io.mcprospero.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An MCP client of the product as a real one becomes one: dynamic client registration, authorization code with
 * PKCE and local sign-in (the person at the browser played by hand: sign-in, welcome, consent), the token exchange, then initialize and
 * notifications/initialized. The result is what the load loop needs: a bearer token and a live session.
 */
record McpClient(String email, String accessToken, String sessionId) {

    static final String PROTOCOL_VERSION = "2025-11-25";
    /** The stateless revision: the same bearer token, no session (Target.modernToolCall). */
    static final String MODERN_VERSION = "2026-07-28";
    static final String REDIRECT_URI = "http://127.0.0.1:9/cb";

    private static final Pattern REQUEST_ID = Pattern.compile("name=\"request\" value=\"([^\"]+)\"");
    private static final Pattern CLIENT_ID = Pattern.compile("\"client_id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    /** Cookies: every sign-in is bound to its browser by a cookie named after the request, so one jar serves all. */
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .cookieHandler(new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL))
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** Signs {@code email} in with the local access code and opens an MCP session. */
    static McpClient signIn(String baseUrl, String email, String accessCode) throws IOException, InterruptedException {
        HttpResponse<String> registered = send(json(baseUrl + "/oauth/register",
                "{\"redirect_uris\":[\"" + REDIRECT_URI + "\"],\"token_endpoint_auth_method\":\"none\","
                        + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"client_name\":\"mcprospero-bench\"}"), 201);
        String clientId = find(CLIENT_ID, registered.body(), "client_id");

        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", REDIRECT_URI);
        query.put("state", "x");
        query.put("code_challenge", s256(verifier));
        query.put("code_challenge_method", "S256");
        query.put("resource", baseUrl + "/mcp");
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(baseUrl + "/oauth/authorize?" + form(query))).GET(), 200);
        String requestId = find(REQUEST_ID, page.body(), "the sign-in request id");

        HttpResponse<String> signedIn = send(formPost(baseUrl + "/oauth/sign-in", Map.of("request", requestId,
                "csrf", find(CSRF, page.body(), "the CSRF token"), "email", email, "access_code", accessCode)), 303);
        URI redirect = passWelcomeAndConsent(baseUrl, location(signedIn), email);
        String code = queryParameter(redirect, "code");

        HttpResponse<String> tokens = send(formPost(baseUrl + "/oauth/token", Map.of(
                "grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT_URI,
                "client_id", clientId, "code_verifier", verifier)), 200);
        String accessToken = find(ACCESS_TOKEN, tokens.body(), "access_token");

        HttpResponse<String> initialized = send(mcp(baseUrl, accessToken, null)
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                        + "\"protocolVersion\":\"" + PROTOCOL_VERSION + "\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}")), 200);
        String sessionId = initialized.headers().firstValue("Mcp-Session-Id")
                .orElseThrow(() -> new IOException("initialize answered without Mcp-Session-Id: " + initialized.body()));
        send(mcp(baseUrl, accessToken, sessionId)
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")), 202);
        return new McpClient(email, accessToken, sessionId);
    }

    /** Answers the welcome page (first sign-in) and the consent page (new client) as the person would. */
    private static URI passWelcomeAndConsent(String baseUrl, URI next, String email) throws IOException, InterruptedException {
        for (int step = 0; step < 3 && (next.getPath().equals("/welcome") || next.getPath().equals("/oauth/consent")); step++) {
            String url = next.isAbsolute() ? next.toString() : baseUrl + next;
            HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(url)).GET(), 200);
            Map<String, String> answers = new LinkedHashMap<>();
            answers.put("request", find(REQUEST_ID, page.body(), "the request id"));
            answers.put("csrf", find(CSRF, page.body(), "the CSRF token"));
            if (next.getPath().equals("/welcome")) {
                answers.put("name", email);
                answers.put("time_zone", "UTC");
                answers.put("accept_terms", "yes");
            } else {
                answers.put("decision", "allow");
            }
            next = location(send(formPost(baseUrl + next.getPath(), answers), 303));
        }
        return next;
    }

    private static URI location(HttpResponse<String> response) throws IOException {
        return URI.create(response.headers().firstValue("Location").orElseThrow(
                () -> new IOException(response.request().uri().getPath() + " answered 303 without Location")));
    }

    /** One tools/call over java.net.http, to show (and check) what the load loop will get. */
    String callTool(String baseUrl, String tool) throws IOException, InterruptedException {
        return send(mcp(baseUrl, accessToken, sessionId).POST(HttpRequest.BodyPublishers.ofString(
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool + "\",\"arguments\":{}}}")), 200).body();
    }

    private static HttpRequest.Builder mcp(String baseUrl, String accessToken, String sessionId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + "/mcp"))
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream");
        if (sessionId != null) {
            builder.header("Mcp-Session-Id", sessionId).header("MCP-Protocol-Version", PROTOCOL_VERSION);
        }
        return builder;
    }

    private static HttpRequest.Builder json(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder formPost(String url, Map<String, String> fields) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, int expectedStatus) throws IOException, InterruptedException {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new IOException(built.method() + " " + built.uri().getPath() + " answered " + response.statusCode()
                    + " (expected " + expectedStatus + "): " + abbreviate(response.body()));
        }
        return response;
    }

    private static String find(Pattern pattern, String text, String what) throws IOException {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IOException("no " + what + " in: " + abbreviate(text));
        }
        return matcher.group(1);
    }

    private static String queryParameter(URI uri, String name) throws IOException {
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IOException("no " + name + " in the redirect " + uri);
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ");
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }
}
