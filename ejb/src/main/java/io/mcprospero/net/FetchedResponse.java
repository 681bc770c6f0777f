package io.mcprospero.net;

import java.util.Map;

/**
 * What a guarded fetch received: the status, the headers (lower-case names, repeated ones joined by ", ") and the
 * body, which is read only for 2xx answers (a redirect or an error is judged on its status alone).
 */
public record FetchedResponse(int status, Map<String, String> headers, byte[] body) {

    public String header(String name) {
        return headers.get(name);
    }

    /** The media type of the Content-Type header, lower-case, without parameters ("" when absent). */
    public String mediaType() {
        return headers.getOrDefault("content-type", "").split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
    }
}
