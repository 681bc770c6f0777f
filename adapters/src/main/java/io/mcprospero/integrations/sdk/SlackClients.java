package io.mcprospero.integrations.sdk;


import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import io.mcprospero.integrations.IntegrationFailure;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** One Slack SDK instance per Web API address (each holds an HTTP client and its threads), and Slack's errors as ours. */
final class SlackClients {

    static final String STANDARD_BASE = "https://slack.com";
    /** Errors that mean the grant is gone: the person connects again. */
    private static final Set<String> GONE = Set.of("invalid_auth", "not_authed", "token_revoked", "account_inactive", "invalid_refresh_token",
            "app_uninstalled", "team_access_not_granted");
    private static final Map<String, Slack> BY_BASE = new ConcurrentHashMap<>();

    @FunctionalInterface
    interface Call<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    private SlackClients() {
    }

    static String base(String baseUrl) {
        return (baseUrl == null || baseUrl.isBlank() ? STANDARD_BASE : baseUrl.strip()).replaceAll("/+$", "");
    }

    static Slack slack(String baseUrl) {
        return BY_BASE.computeIfAbsent(base(baseUrl), base -> {
            SlackConfig config = new SlackConfig();
            config.setMethodsEndpointUrlPrefix(base + "/api/");
            config.setPrettyResponseLoggingEnabled(false);
            config.setLibraryMaintainerMode(false);
            return Slack.getInstance(config);
        });
    }

    static <T extends SlackApiTextResponse> T call(String what, Call<T> call) {
        T response;
        try {
            response = call.run();
        } catch (SlackApiException failed) {
            int status = failed.getResponse() == null ? 0 : failed.getResponse().code();
            throw new IntegrationFailure(status == 429 || status >= 500 ? IntegrationFailure.Kind.UNAVAILABLE : IntegrationFailure.Kind.REFUSED,
                    "Slack failed to " + what + " (HTTP " + status + ")");
        } catch (IOException unreachable) {
            throw new IntegrationFailure(IntegrationFailure.Kind.UNAVAILABLE, "Slack could not be reached (" + unreachable.getClass().getSimpleName() + ")");
        }
        if (response.isOk()) {
            return response;
        }
        String error = response.getError() == null ? "unknown_error" : response.getError();
        if ("token_expired".equals(error)) {
            throw new IntegrationFailure(IntegrationFailure.Kind.UNAUTHORIZED, "Slack's access token expired");
        }
        if (GONE.contains(error)) {
            throw new IntegrationFailure(IntegrationFailure.Kind.RECONNECT, "Slack no longer accepts this connection (" + error
                    + "); the person must reconnect Slack (connect_account with provider slack)");
        }
        if ("ratelimited".equals(error) || "internal_error".equals(error) || "service_unavailable".equals(error)) {
            throw new IntegrationFailure(IntegrationFailure.Kind.UNAVAILABLE, "Slack could not " + what + " just now (" + error + ")");
        }
        throw new IntegrationFailure(IntegrationFailure.Kind.REFUSED, "Slack refused to " + what + " (" + error + ")");
    }
}
