package io.mcprospero.integrations.sdk;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import io.mcprospero.integrations.IntegrationFailure;
import io.mcprospero.integrations.calendar.Calendar;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** What Gmail and Calendar share: one HTTP transport on the JDK, the bearer token on each request, errors as ours. */
public final class GoogleApis {

    /**
     * The Google HTTP client logs whole requests and responses (mail bodies) at CONFIG and below, and the JDK's
     * HttpURLConnection under it logs the headers (the bearer token) at FINE: an operator turning up the log level
     * would print them. Both loggers are pinned at INFO, and held here so that they keep their level.
     */
    private static final List<Logger> WIRE_LOGS = List.of(pinned(Logger.getLogger(HttpTransport.class.getName())),
            pinned(Logger.getLogger("sun.net.www.protocol.http.HttpURLConnection")));
    public static final HttpTransport TRANSPORT = new NetHttpTransport();
    public static final JsonFactory JSON = GsonFactory.getDefaultInstance();
    public static final String APPLICATION = "MCProspero";
    private static final int TIMEOUT_MS = 20_000;

    /** The body of a call that may fail with an I/O error (the Google client's way). */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws IOException;
    }

    private GoogleApis() {
    }

    private static Logger pinned(Logger logger) {
        logger.setLevel(Level.INFO);
        return logger;
    }

    public static HttpRequestInitializer bearer(String accessToken) {
        return request -> {
            request.getHeaders().setAuthorization("Bearer " + accessToken);
            request.setConnectTimeout(TIMEOUT_MS);
            request.setReadTimeout(TIMEOUT_MS);
            // our own retry (refresh, then once more) decides; the client's would hide a 401
            request.setNumberOfRetries(0);
        };
    }

    /** Root URLs of the Google client end with a slash. */
    public static String root(String baseUrl, String standard) {
        String url = baseUrl == null || baseUrl.isBlank() ? standard : baseUrl.strip();
        return url.endsWith("/") ? url : url + "/";
    }

    public static <T> T call(String api, Call<T> call) {
        try {
            return call.run();
        } catch (GoogleJsonResponseException refused) {
            int status = refused.getStatusCode();
            String message = refused.getDetails() != null && refused.getDetails().getMessage() != null ? refused.getDetails().getMessage()
                    : refused.getStatusMessage();
            if (status == 401) {
                throw new IntegrationFailure(IntegrationFailure.Kind.UNAUTHORIZED, api + " did not accept the access token");
            }
            if (status == 429 || status >= 500) {
                throw new IntegrationFailure(IntegrationFailure.Kind.UNAVAILABLE, api + " failed (HTTP " + status + "); try again later");
            }
            throw new IntegrationFailure(IntegrationFailure.Kind.REFUSED, api + " refused the request (HTTP " + status + ": " + message + ")");
        } catch (IOException unreachable) {
            throw new IntegrationFailure(IntegrationFailure.Kind.UNAVAILABLE, api + " could not be reached (" + unreachable.getClass().getSimpleName() + ")");
        }
    }
}
