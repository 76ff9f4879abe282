package io.breakpoint.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection, written and read by hand: the load generator shares the server's two cores, and
 * the JDK's HttpClient spent about 2 ms of CPU per request there, more than the server's own intake work. This one
 * spends a few microseconds. It handles what our server answers (a status line, headers, a Content-Length or chunked
 * body) and nothing more.
 */
final class RawHttp implements AutoCloseable {

    record Response(int status, String body) {
    }

    private final String host;
    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    RawHttp(String base) {
        URI u = URI.create(base);
        this.host = u.getHost();
        this.port = u.getPort() == -1 ? 80 : u.getPort();
    }

    Response post(String path, String bearer, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer " + bearer
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        for (int attempt = 1; ; attempt++) {
            try {
                if (socket == null) connect();
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                return read();
            } catch (IOException e) {
                close();
                if (attempt == 2) throw e; // a keep-alive connection the server closed: once more on a new one
            }
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setSoTimeout(60_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16_384);
    }

    private Response read() throws IOException {
        String status = line();
        if (status.isEmpty()) throw new IOException("connection closed");
        int code = Integer.parseInt(status.substring(9, 12));
        int length = -1;
        boolean chunked = false, close = false;
        for (String h; !(h = line()).isEmpty(); ) {
            int colon = h.indexOf(':');
            String name = h.substring(0, colon).trim();
            String value = h.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) length = Integer.parseInt(value);
            else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) chunked = true;
            else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) close = true;
        }
        byte[] body;
        if (chunked) {
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            for (int size; (size = Integer.parseInt(line().split(";")[0].trim(), 16)) > 0; ) {
                b.write(in.readNBytes(size));
                line();
            }
            while (!line().isEmpty()) { } // trailers
            body = b.toByteArray();
        } else {
            body = in.readNBytes(Math.max(0, length));
        }
        if (close) close();
        return new Response(code, new String(body, StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder b = new StringBuilder(64);
        for (int c; (c = in.read()) != -1; ) {
            if (c == '\n') break;
            if (c != '\r') b.append((char) c);
        }
        return b.toString();
    }

    @Override
    public void close() {
        try {
            if (socket != null) socket.close();
        } catch (IOException ignored) {
        }
        socket = null;
    }
}
