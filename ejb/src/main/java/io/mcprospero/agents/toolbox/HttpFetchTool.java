package io.mcprospero.agents.toolbox;

import io.mcprospero.agents.AgentSpec;
import io.mcprospero.net.FetchRefused;
import io.mcprospero.net.FetchedResponse;
import io.mcprospero.net.GuardedHttp;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * http_fetch: the agent GETs a text page or API answer from one of the hosts the person approved for it, through the
 * server's one guarded HTTP client (https, public addresses only, no redirects, bounded in size and time). Every
 * refusal is said so that the model can correct itself or report it.
 */
@ApplicationScoped
public class HttpFetchTool implements AgentTool {

    static final int MAX_URL = 2_000;
    private static final Pattern CHARSET = Pattern.compile(";\\s*charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    private GuardedHttp http;
    private HttpFetchSettings settings;

    protected HttpFetchTool() {
        // for the CDI proxy
    }

    @Inject
    public HttpFetchTool(HttpFetchSettings settings) {
        this.settings = settings;
        this.http = new GuardedHttp(settings.routes());
    }

    @Override
    public String name() {
        return "http_fetch";
    }

    @Override
    public String description() {
        return "Fetches a web page or API answer with an HTTPS GET and returns its status, content type and text. Only the "
                + "hosts this agent was approved for can be reached (exact host names, port 443); redirects are not followed, "
                + "only text (HTML, JSON, XML, plain text) is read, at most " + settings.limits().maxBytes() / 1024 + " KB within "
                + settings.limits().timeout().toSeconds() + " s.";
    }

    @Override
    public JsonObject inputSchema() {
        return Jsons.object()
                .add("type", "object")
                .add("properties", Jsons.object().add("url", Jsons.object().add("type", "string").add("maxLength", MAX_URL)
                        .add("description", "https URL on an allowed host, e.g. https://api.example.com/items?page=2")))
                .add("required", Jsons.array().add("url"))
                .build();
    }

    @Override
    public List<String> reads(AgentSpec spec) {
        return List.of("web pages and API answers from " + String.join(", ", spec.allowedHosts()) + " (HTTPS GET)");
    }

    @Override
    public List<String> sendsTo(AgentSpec spec) {
        // a GET carries what the model puts in its URL: the person should know the hosts can receive that
        return List.of("the URLs it requests (which may carry words in their path or query) to " + String.join(", ", spec.allowedHosts()));
    }

    @Override
    public String call(AgentToolCall call) {
        URI url = allowedUrl(call.input().getString("url", "").strip(), call.spec().allowedHosts());
        FetchedResponse response;
        try {
            response = http.get(url, settings.limits());
        } catch (FetchRefused refused) {
            throw new AgentToolError(url + " cannot be fetched: " + refused.getMessage() + ".");
        }
        int status = response.status();
        if (status >= 300 && status < 400) {
            String location = response.header("location");
            throw new AgentToolError(url + " answered " + status + ", a redirect" + (location == null ? "" : " to " + location)
                    + "; redirects are not followed: fetch the new URL yourself if its host is one you may reach.");
        }
        if (status < 200 || status >= 300) {
            throw new AgentToolError(url + " answered HTTP " + status + ".");
        }
        String mediaType = response.mediaType();
        if (!isText(mediaType)) {
            throw new AgentToolError(url + " answered with content of type " + mediaType + "; http_fetch reads text only "
                    + "(HTML, JSON, XML, plain text).");
        }
        String text = new String(response.body(), charsetOf(response.header("content-type")));
        return "HTTP " + status + (mediaType.isEmpty() ? "" : ", " + mediaType) + ", " + response.body().length + " bytes\n\n" + text;
    }

    private static URI allowedUrl(String text, List<String> allowedHosts) {
        if (text.isEmpty() || text.length() > MAX_URL) {
            throw new AgentToolError("url must be an https URL of 1 to " + MAX_URL + " characters");
        }
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw new AgentToolError("'" + text + "' is not a valid URL (" + e.getReason() + "); percent-encode spaces and "
                    + "special characters");
        }
        if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            throw new AgentToolError("http_fetch takes https URLs with a host name, such as https://api.example.com/items");
        }
        if (url.getRawUserInfo() != null) {
            throw new AgentToolError("http_fetch takes no user name or password in the URL");
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (!allowedHosts.contains(host)) {
            throw new AgentToolError("the host " + host + " is not one this agent may reach; its allowed hosts are "
                    + String.join(", ", allowedHosts) + " (the person approves a change of them)");
        }
        if (url.getPort() != -1 && url.getPort() != 443) {
            throw new AgentToolError("http_fetch reaches port 443 only; leave the port out of the URL");
        }
        return url;
    }

    private static boolean isText(String mediaType) {
        return mediaType.isEmpty() || mediaType.startsWith("text/") || mediaType.equals("application/json") || mediaType.endsWith("+json")
                || mediaType.equals("application/xml") || mediaType.endsWith("+xml") || mediaType.equals("application/javascript");
    }

    private static Charset charsetOf(String contentType) {
        Matcher matcher = contentType == null ? null : CHARSET.matcher(contentType);
        if (matcher == null || !matcher.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(matcher.group(1));
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
        }
    }
}
