package io.mcprospero.web;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The server's few HTML pages: escaped text, one small stylesheet, no framing, no scripts but nonce-marked ones. */
public final class Html {

    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem;color:#1d1d1f}
            h1{font-size:1.4rem}label{display:block;margin:.8rem 0 .2rem}input{width:100%;padding:.5rem;box-sizing:border-box}
            button{margin-top:1.2rem;padding:.6rem 1.2rem}select{width:100%;padding:.5rem}.check{display:flex;gap:.5rem;align-items:baseline}
            .check input{width:auto}.error{color:#b00020}.muted{color:#666;font-size:.9rem}""";

    private Html() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** A page; {@code body} must already be escaped where it holds outside text. */
    public static Response page(int status, String title, String body) {
        return page(status, title, body, null);
    }

    /**
     * A page whose body may hold scripts carrying this nonce (and no others): the CSP stays "no scripts"
     * except for the ones the server wrote into this very response.
     */
    public static Response page(int status, String title, String body, String scriptNonce) {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<title>" + escape(title) + " · MCProspero</title><style>" + STYLE + "</style></head><body>"
                + body + "</body></html>";
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .cacheControl(noStore)
                .header("Content-Security-Policy", scriptNonce == null ? CSP : CSP + "; script-src 'nonce-" + scriptNonce + "'")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .entity(html)
                .build();
    }

    public static Response errorPage(int status, String title, String message) {
        return page(status, title, "<h1>" + escape(title) + "</h1><p class=\"error\">" + escape(message) + "</p>"
                + "<p class=\"muted\">Nothing was sent to the application that started this sign-in.</p>");
    }
}
