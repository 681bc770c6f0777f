package io.mcprospero.oauth;

import io.mcprospero.net.FetchLimits;
import io.mcprospero.net.FetchRefused;
import io.mcprospero.net.FetchedResponse;
import io.mcprospero.net.GuardedHttp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches a metadata document from a URL an unauthenticated caller chose, through the server's one guarded HTTP
 * client ({@link GuardedHttp}: https, public addresses only, no redirects), in 5 s at most and 5 KB at most; the
 * answer must be 200 with a JSON media type.
 */
@ApplicationScoped
public class MetadataDocumentFetcher {

    static final int MAX_BYTES = 5 * 1024;
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final FetchLimits LIMITS = new FetchLimits(MAX_BYTES, TIMEOUT, "application/json");
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|,)\\s*max-age\\s*=\\s*\"?(\\d{1,10})");

    private GuardedHttp http;

    protected MetadataDocumentFetcher() {
        // for the CDI proxy
    }

    @Inject
    public MetadataDocumentFetcher(MetadataDocumentSettings settings) {
        this.http = new GuardedHttp(settings.routes());
    }

    /** A fetched document: its text and how long it may be cached (empty when the server did not say). */
    public record Fetched(String body, Optional<Duration> maxAge) {
    }

    public Fetched fetch(URI url) {
        FetchedResponse response;
        try {
            response = http.get(url, LIMITS);
        } catch (FetchRefused refused) {
            throw new MetadataDocumentRefused(refused.getMessage());
        }
        int status = response.status();
        if (status >= 300 && status < 400) {
            throw new MetadataDocumentRefused("its server answered with a redirect (" + status + "), and redirects are not followed");
        }
        if (status != 200) {
            throw new MetadataDocumentRefused("its server answered " + status + " instead of 200");
        }
        String mediaType = response.mediaType();
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            throw new MetadataDocumentRefused("its content type is '" + mediaType + "', not application/json");
        }
        return new Fetched(new String(response.body(), StandardCharsets.UTF_8), maxAge(response.header("cache-control")));
    }

    /** no-store and no-cache mean "fetch again next time"; max-age is honoured (the caller caps it). */
    static Optional<Duration> maxAge(String cacheControl) {
        if (cacheControl == null) {
            return Optional.empty();
        }
        String lower = cacheControl.toLowerCase(Locale.ROOT);
        if (lower.contains("no-store") || lower.contains("no-cache")) {
            return Optional.of(Duration.ZERO);
        }
        Matcher matcher = MAX_AGE.matcher(lower);
        return matcher.find() ? Optional.of(Duration.ofSeconds(Long.parseLong(matcher.group(1)))) : Optional.empty();
    }
}
