package io.mcprospero.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person's browser for the sign-in pages: keeps cookies (the sign-in is bound to the browser that
 * started it), follows no redirect on its own, and can walk the welcome and consent pages as a person would, ending
 * where the flow sends the browser away from them (the client's redirect, or the MCProspero page that asked for the
 * sign-in).
 */
public final class Browser {

    public static final String TIME_ZONE = "Europe/Berlin";
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final Pattern INVITATION = Pattern.compile("name=\"accept\" value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private int welcomesSeen;
    private int consentsSeen;
    private int invitationsSeen;

    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    public HttpResponse<String> postForm(String url, Map<String, String> form) {
        return postForm(url, form, Map.of());
    }

    /** POSTs the form with extra request headers (a proxy's X-Forwarded-For, say). */
    public HttpResponse<String> postForm(String url, Map<String, String> form, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded");
        headers.forEach(request::header);
        return send(request.POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
    }

    /** POSTs a form body already encoded (a field repeated, as checkboxes send it). */
    public HttpResponse<String> postEncoded(String url, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The value of a hidden (or any) input of this page's form. */
    public static String field(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(matcher.find()).as("the page has a field " + name + ": " + html).isTrue();
        return matcher.group(1).replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'");
    }

    /**
     * From a redirect inside the server (welcome, invitations, consent), answers each page as a person would (name, time
     * zone, terms accepted; every invitation accepted; consent allowed) until the server sends the browser away; returns
     * where to.
     */
    public URI completeFlow(String serverBaseUrl, URI location, String name) {
        URI next = location;
        for (int step = 0; step < 5 && isFlowPage(serverBaseUrl, next); step++) {
            String url = next.isAbsolute() ? next.toString() : serverBaseUrl + next;
            HttpResponse<String> page = get(url);
            assertThat(page.statusCode()).as(url + ": " + page.body()).isEqualTo(200);
            Map<String, String> form = new LinkedHashMap<>();
            form.put("request", field(page.body(), "request"));
            form.put("csrf", field(page.body(), "csrf"));
            String query = null;
            if (next.getPath().equals("/welcome")) {
                welcomesSeen++;
                form.put("name", name);
                form.put("time_zone", TIME_ZONE);
                form.put("accept_terms", "yes");
            } else if (next.getPath().equals("/oauth/invitations")) {
                invitationsSeen++;
                Matcher offered = INVITATION.matcher(page.body());
                StringBuilder accepted = new StringBuilder();
                while (offered.find()) {
                    accepted.append("&accept=").append(URLEncoder.encode(offered.group(1), StandardCharsets.UTF_8));
                }
                query = accepted.toString();
            } else {
                consentsSeen++;
                form.put("decision", "allow");
            }
            Matcher action = FORM_ACTION.matcher(page.body());
            assertThat(action.find()).isTrue();
            HttpResponse<String> answered = query == null ? postForm(serverBaseUrl + action.group(1), form)
                    : postEncoded(serverBaseUrl + action.group(1), encode(form) + query);
            assertThat(answered.statusCode()).as(answered.body()).isEqualTo(303);
            next = URI.create(answered.headers().firstValue("Location").orElseThrow());
        }
        return next;
    }

    /**
     * Follows redirects from url across hosts (the upstream provider and back), answering MCProspero's
     * welcome and consent pages on the way, until a redirect leaves for stopPrefix (returned as the
     * Location) or a page ends the walk (returned as is).
     */
    public HttpResponse<String> follow(String url, String serverBaseUrl, String stopPrefix, String name) {
        String next = url;
        for (int step = 0; step < 15; step++) {
            HttpResponse<String> response = get(next);
            String location = response.headers().firstValue("Location").orElse(null);
            if (response.statusCode() / 100 != 3 || location == null) {
                return response;
            }
            URI target = URI.create(next).resolve(location);
            if (target.toString().startsWith(stopPrefix)) {
                return response;
            }
            if (target.toString().startsWith(serverBaseUrl + "/welcome") || target.toString().startsWith(serverBaseUrl + "/oauth/consent")) {
                URI end = completeFlow(serverBaseUrl, target, name);
                if (end.toString().startsWith(stopPrefix)) {
                    return new Redirected(end, response);
                }
                target = end;
            }
            next = target.toString();
        }
        throw new IllegalStateException("the sign-in did not end within 15 redirects, at " + next);
    }

    /** A redirect the browser was about to follow, as a response whose Location names it. */
    private record Redirected(URI location, HttpResponse<String> last) implements HttpResponse<String> {
        @Override
        public int statusCode() {
            return 303;
        }

        @Override
        public HttpRequest request() {
            return last.request();
        }

        @Override
        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.of(last);
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return java.net.http.HttpHeaders.of(Map.of("Location", java.util.List.of(location.toString())), (a, b) -> true);
        }

        @Override
        public String body() {
            return "";
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return java.util.Optional.empty();
        }

        @Override
        public URI uri() {
            return last.uri();
        }

        @Override
        public HttpClient.Version version() {
            return last.version();
        }
    }

    public int welcomesSeen() {
        return welcomesSeen;
    }

    public int consentsSeen() {
        return consentsSeen;
    }

    public int invitationsSeen() {
        return invitationsSeen;
    }

    /** A page of the sign-in flow (welcome, invitations, consent) rather than where the flow ends. */
    private static boolean isFlowPage(String serverBaseUrl, URI location) {
        boolean onServer = !location.isAbsolute() || location.toString().startsWith(serverBaseUrl + "/");
        String path = location.getPath();
        return onServer && ("/welcome".equals(path) || "/oauth/invitations".equals(path) || "/oauth/consent".equals(path));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
