package io.mcprospero.net;

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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The one way the server GETs a URL that someone else chose (a client metadata document, an agent's http_fetch), so
 * every step is guarded: https only; the host is resolved first and every address must be public
 * ({@link PublicAddresses}); the connection goes to the address that was checked (so DNS cannot answer differently
 * between check and connect); the certificate must name the host; no redirect is followed; the whole exchange is
 * bounded in time and size. It speaks just enough HTTP/1.1 for that, because the JDK's HTTP clients cannot be told
 * which address to connect to.
 */
public final class GuardedHttp {

    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final FetchRoutes routes;

    public GuardedHttp(FetchRoutes routes) {
        this.routes = routes;
    }

    /** GETs {@code url}; throws {@link FetchRefused} saying why when the URL may not be fetched or the exchange fails. */
    public FetchedResponse get(URI url, FetchLimits limits) {
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            throw new FetchRefused("it must be served over https");
        }
        String host = url.getHost();
        if (host == null) {
            throw new FetchRefused("it names no host");
        }
        String literal = HostNames.ipLiteralProblem(host);
        if (literal != null) {
            // refused before connecting: TLS names the host in SNI, which an address cannot be
            throw new FetchRefused(literal);
        }
        int port = url.getPort() == -1 ? 443 : url.getPort();
        InetSocketAddress target = routes.pinned(host, port).orElseGet(() -> new InetSocketAddress(checkedAddress(host), port));
        int timeout = (int) limits.timeout().toMillis();
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        try (Socket plain = new Socket()) {
            plain.connect(target, timeout);
            try (SSLSocket tls = (SSLSocket) routes.tls().getSocketFactory().createSocket(plain, host, port, true)) {
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                parameters.setServerNames(List.of(new SNIHostName(host)));
                tls.setSSLParameters(parameters);
                tls.setSoTimeout(remainingMillis(deadline));
                tls.startHandshake();
                return exchange(tls, url, host, port, deadline, limits);
            }
        } catch (SocketTimeoutException e) {
            throw new FetchRefused("its server did not answer within " + limits.timeout().toSeconds() + " s");
        } catch (SSLException e) {
            throw new FetchRefused("the TLS connection to its server failed (is the certificate valid for " + host + "?)");
        } catch (IOException e) {
            throw new FetchRefused("its server cannot be reached (" + e.getClass().getSimpleName() + ")");
        } catch (IllegalArgumentException e) {
            throw new FetchRefused("its host " + host + " is not a name TLS can be asked for");
        }
    }

    private InetAddress checkedAddress(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new FetchRefused("its host " + host + " does not resolve");
        }
        if (!routes.allowPrivateAddresses()) {
            for (InetAddress address : addresses) {
                String problem = PublicAddresses.problemWith(address);
                if (problem != null) {
                    throw new FetchRefused("its host " + host + " resolves to " + problem + "; only public addresses are fetched");
                }
            }
        }
        return addresses[0];
    }

    private static FetchedResponse exchange(SSLSocket socket, URI url, String host, int port, long deadline, FetchLimits limits)
            throws IOException {
        String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + (port == 443 ? "" : ":" + port) + "\r\n"
                + "Accept: " + limits.accept() + "\r\nAccept-Encoding: identity\r\nUser-Agent: MCProspero\r\nConnection: close\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Reader in = new Reader(socket, deadline, limits.maxBytes());
        int status = status(in.line());
        Map<String, String> headers = in.headers();
        if (status < 200 || status >= 300) {
            return new FetchedResponse(status, Map.copyOf(headers), new byte[0]);
        }
        byte[] body = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")
                ? in.chunked() : in.body(headers.get("content-length"));
        return new FetchedResponse(status, Map.copyOf(headers), body);
    }

    private static int status(String statusLine) {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new FetchRefused("its server did not answer in HTTP/1.1");
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new FetchRefused("its server did not answer in HTTP/1.1");
        }
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
        private final int maxBytes;
        private int headerBytes;

        Reader(Socket socket, long deadline, int maxBytes) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
            this.maxBytes = maxBytes;
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
                    throw new FetchRefused("its server sent an incomplete or oversized response");
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
                    throw new FetchRefused("its server sent an invalid Content-Length");
                }
                if (length > maxBytes) {
                    throw tooLarge();
                }
                return exactly((int) length);
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int c = read(); c != -1; c = read()) {
                if (body.size() == maxBytes) {
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
                    throw new FetchRefused("its server sent an invalid chunked body");
                }
                if (size == 0) {
                    return body.toByteArray();
                }
                if (size < 0 || body.size() + size > maxBytes) {
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
                    throw new FetchRefused("its server closed the connection before the whole document was sent");
                }
                bytes[i] = (byte) c;
            }
            return bytes;
        }

        private FetchRefused tooLarge() {
            return new FetchRefused("it is larger than " + maxBytes / 1024 + " KB");
        }
    }
}
