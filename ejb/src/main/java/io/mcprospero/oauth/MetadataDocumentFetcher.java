package io.mcprospero.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Fetches a metadata document from a URL an unauthenticated caller chose, so every step is guarded: https
 * only; the host is resolved first and every address must be public; the connection goes to the address
 * that was checked (so DNS cannot answer differently between check and connect); the certificate must
 * name the host; no redirect is followed; 5 s in all; at most 5 KB. It speaks just enough HTTP/1.1 for
 * that, because the JDK's HTTP clients cannot be told which address to connect to.
 */
@ApplicationScoped
public class MetadataDocumentFetcher {

    static final int MAX_BYTES = 5 * 1024;
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|,)\\s*max-age\\s*=\\s*\"?(\\d{1,10})");

    private MetadataDocumentSettings settings;

    protected MetadataDocumentFetcher() {
        // for the CDI proxy
    }

    @Inject
    public MetadataDocumentFetcher(MetadataDocumentSettings settings) {
        this.settings = settings;
    }

    /** A fetched document: its text and how long it may be cached (empty when the server did not say). */
    public record Fetched(String body, Optional<Duration> maxAge) {
    }

    public Fetched fetch(URI url) {
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            throw new MetadataDocumentRefused("it must be served over https");
        }
        String host = url.getHost();
        String literal = HostNames.ipLiteralProblem(host);
        if (literal != null) {
            // refused before connecting: TLS names the host in SNI, which an address cannot be
            throw new MetadataDocumentRefused(literal);
        }
        int port = url.getPort() == -1 ? 443 : url.getPort();
        InetSocketAddress target = settings.pinned(host, port).orElseGet(() -> new InetSocketAddress(checkedAddress(host), port));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (Socket plain = new Socket()) {
            plain.connect(target, (int) TIMEOUT.toMillis());
            try (SSLSocket tls = (SSLSocket) settings.tls().getSocketFactory().createSocket(plain, host, port, true)) {
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                parameters.setServerNames(java.util.List.of(new SNIHostName(host)));
                tls.setSSLParameters(parameters);
                tls.setSoTimeout(remainingMillis(deadline));
                tls.startHandshake();
                return exchange(tls, url, host, port, deadline);
            }
        } catch (SocketTimeoutException e) {
            throw new MetadataDocumentRefused("its server did not answer within " + TIMEOUT.toSeconds() + " s");
        } catch (SSLException e) {
            throw new MetadataDocumentRefused("the TLS connection to its server failed (is the certificate valid for " + host + "?)");
        } catch (IOException e) {
            throw new MetadataDocumentRefused("its server cannot be reached (" + e.getClass().getSimpleName() + ")");
        } catch (IllegalArgumentException e) {
            throw new MetadataDocumentRefused("its host " + host + " is not a name TLS can be asked for");
        }
    }

    private InetAddress checkedAddress(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new MetadataDocumentRefused("its host " + host + " does not resolve");
        }
        if (!settings.allowPrivateAddresses()) {
            for (InetAddress address : addresses) {
                String problem = PublicAddresses.problemWith(address);
                if (problem != null) {
                    throw new MetadataDocumentRefused("its host " + host + " resolves to " + problem + "; only public addresses are fetched");
                }
            }
        }
        return addresses[0];
    }

    private static Fetched exchange(SSLSocket socket, URI url, String host, int port, long deadline) throws IOException {
        String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + (port == 443 ? "" : ":" + port) + "\r\n"
                + "Accept: application/json\r\nAccept-Encoding: identity\r\nUser-Agent: MCProspero\r\nConnection: close\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Reader in = new Reader(socket, deadline);
        String statusLine = in.line();
        Map<String, String> headers = in.headers();
        int status = status(statusLine);
        if (status >= 300 && status < 400) {
            throw new MetadataDocumentRefused("its server answered with a redirect (" + status + "), and redirects are not followed");
        }
        if (status != 200) {
            throw new MetadataDocumentRefused("its server answered " + status + " instead of 200");
        }
        String type = headers.getOrDefault("content-type", "").toLowerCase(Locale.ROOT);
        String mediaType = type.split(";", 2)[0].strip();
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            throw new MetadataDocumentRefused("its content type is '" + mediaType + "', not application/json");
        }
        byte[] body = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")
                ? in.chunked() : in.body(headers.get("content-length"));
        return new Fetched(new String(body, StandardCharsets.UTF_8), maxAge(headers.get("cache-control")));
    }

    private static int status(String statusLine) {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new MetadataDocumentRefused("its server did not answer in HTTP/1.1");
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new MetadataDocumentRefused("its server did not answer in HTTP/1.1");
        }
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

    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long remaining = (deadline - System.nanoTime()) / 1_000_000;
        if (remaining <= 0) {
            throw new SocketTimeoutException();
        }
        return (int) remaining;
    }

    /** Reads a response under the overall deadline and the size caps. */
    private static final class Reader {

        private final Socket socket;
        private final InputStream in;
        private final long deadline;
        private int headerBytes;

        Reader(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
        }

        private int read() throws IOException {
            socket.setSoTimeout(remainingMillis(deadline));
            return in.read();
        }

        String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int c;
            while ((c = read()) != '\n') {
                if (c == -1 || ++headerBytes > MAX_HEADER_BYTES) {
                    throw new MetadataDocumentRefused("its server sent an incomplete or oversized response");
                }
                if (c != '\r') {
                    line.write(c);
                }
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }

        Map<String, String> headers() throws IOException {
            Map<String, String> headers = new HashMap<>();
            for (String line = line(); !line.isEmpty(); line = line()) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.merge(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip(),
                            (a, b) -> a + ", " + b);
                }
            }
            return headers;
        }

        byte[] body(String contentLength) throws IOException {
            if (contentLength != null) {
                long length;
                try {
                    length = Long.parseLong(contentLength.strip());
                } catch (NumberFormatException e) {
                    throw new MetadataDocumentRefused("its server sent an invalid Content-Length");
                }
                if (length > MAX_BYTES) {
                    throw tooLarge();
                }
                return exactly((int) length);
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int c = read(); c != -1; c = read()) {
                if (body.size() == MAX_BYTES) {
                    throw tooLarge();
                }
                body.write(c);
            }
            return body.toByteArray();
        }

        byte[] chunked() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = line().split(";", 2)[0].strip();
                int size;
                try {
                    size = Integer.parseInt(sizeLine, 16);
                } catch (NumberFormatException e) {
                    throw new MetadataDocumentRefused("its server sent an invalid chunked body");
                }
                if (size == 0) {
                    return body.toByteArray();
                }
                if (size < 0 || body.size() + size > MAX_BYTES) {
                    throw tooLarge();
                }
                body.writeBytes(exactly(size));
                line();
            }
        }

        private byte[] exactly(int length) throws IOException {
            byte[] bytes = new byte[length];
            for (int i = 0; i < length; i++) {
                int c = read();
                if (c == -1) {
                    throw new MetadataDocumentRefused("its server closed the connection before the whole document was sent");
                }
                bytes[i] = (byte) c;
            }
            return bytes;
        }

        private static MetadataDocumentRefused tooLarge() {
            return new MetadataDocumentRefused("it is larger than " + MAX_BYTES / 1024 + " KB");
        }
    }
}
