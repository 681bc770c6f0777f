package io.mcprospero.oauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds authorization responses: parameters appended to the client's redirect URI, with iss (RFC 9207). */
public final class Redirects {

    private Redirects() {
    }

    public static String withCode(String redirectUri, String code, String state, String issuer) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("code", code);
        parameters.put("state", state);
        parameters.put("iss", issuer);
        return append(redirectUri, parameters);
    }

    public static String withError(RedirectableError error, String issuer) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", error.code());
        parameters.put("error_description", error.getMessage());
        parameters.put("state", error.state());
        parameters.put("iss", issuer);
        return append(error.redirectUri(), parameters);
    }

    private static String append(String uri, Map<String, String> parameters) {
        StringBuilder result = new StringBuilder(uri);
        char separator = uri.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (parameter.getValue() == null) {
                continue;
            }
            result.append(separator).append(parameter.getKey()).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return result.toString();
    }
}
