package io.mcprospero.bench;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection over a plain blocking socket, used by one load-client thread at a time.
 * Deliberately minimal (fixed requests written as bytes, Content-Length or chunked responses) so that the load
 * client spends as little of the shared CPUs as possible: on a 2-core machine the client competes with the
 * server it measures.
 */
final class HttpConnection implements Closeable {

    /** What the load client looks at in a response. */
    record Response(int status, String body, String sessionId) {
    }

    private final InetSocketAddress address;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;
    private boolean responseStarted;
    private long connects;

    HttpConnection(InetSocketAddress address, int timeoutMillis) {
        this.address = address;
        this.timeoutMillis = timeoutMillis;
    }

    /** New TCP connections made so far (the first one, and one after every close by either side). */
    long connects() {
        return connects;
    }

    /**
     * Sends one request and reads its response. A kept-alive connection that the server closed while idle fails
     * before any byte of the response arrives; that request is sent again once on a new connection.
     */
    Response exchange(byte[] request) throws IOException {
        boolean reused = socket != null;
        try {
            return send(request);
        } catch (IOException e) {
            close();
            if (reused && !responseStarted) {
                return send(request);
            }
            throw e;
        }
    }

    private Response send(byte[] request) throws IOException {
        if (socket == null) {
            connect();
        }
        responseStarted = false;
        out.write(request);
        out.flush();
        return readResponse();
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(timeoutMillis);
        s.connect(address, timeoutMillis);
        socket = s;
        in = s.getInputStream();
        out = s.getOutputStream();
        position = 0;
        limit = 0;
        connects++;
    }

    private Response readResponse() throws IOException {
        String statusLine = readLine();
        if (!statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x response: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        boolean close = statusLine.startsWith("HTTP/1.0");
        String sessionId = null;
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase().contains("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                close = value.equalsIgnoreCase("close");
            } else if (name.equalsIgnoreCase("Mcp-Session-Id")) {
                sessionId = value;
            }
        }
        String body;
        if (chunked) {
            body = readChunked();
        } else if (contentLength >= 0) {
            body = new String(readExactly((int) contentLength), StandardCharsets.UTF_8);
        } else if (status == 204 || status == 304 || status / 100 == 1) {
            body = "";
        } else {
            body = readToEnd();
            close = true;
        }
        if (close) {
            close();
        }
        return new Response(status, body, sessionId);
    }

    private String readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailers
                }
                return body.toString(StandardCharsets.UTF_8);
            }
            body.write(readExactly(size));
            readLine();
        }
    }

    private String readToEnd() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (fill()) {
            body.write(buffer, position, limit - position);
            position = limit;
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private byte[] readExactly(int length) throws IOException {
        byte[] bytes = new byte[length];
        int done = 0;
        while (done < length) {
            if (position == limit && !fill()) {
                throw new EOFException("connection closed after " + done + " of " + length + " body bytes");
            }
            int n = Math.min(length - done, limit - position);
            System.arraycopy(buffer, position, bytes, done, n);
            position += n;
            done += n;
        }
        return bytes;
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            if (position == limit && !fill()) {
                throw new EOFException("connection closed in the response head");
            }
            byte b = buffer[position++];
            if (b == '\n') {
                int length = line.length();
                if (length > 0 && line.charAt(length - 1) == '\r') {
                    line.setLength(length - 1);
                }
                return line.toString();
            }
            line.append((char) (b & 0xff));
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        responseStarted = true;
        position = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
        position = 0;
        limit = 0;
    }
}
