package io.breakpoint.agent.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;

/**
 * Plain synchronous HTTP on {@link HttpURLConnection}, for the server routes and the EMR transaction. Not
 * {@code java.net.http}: its client brings about 300 classes, a selector thread per client and an executor:
 * 6 MB more resident, which the agent's 64 MB budget cannot spare (bench/RESULTS.md, "Workstation agent").
 * Host names are verified: HttpsURLConnection checks them with its default verifier.
 */
public final class Http {

    /** A status and, for bodies read as text, the text (the error body for statuses of 400 and up). */
    public record Response(int status, String body, long bytes) {}

    private final SSLContext tls;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    public Http(SSLContext tls, Duration connectTimeout, Duration readTimeout) {
        this.tls = tls;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** Sends a request and reads the whole body as UTF-8 text. */
    public Response text(String method, URI uri, Map<String, String> headers, String body) throws IOException {
        HttpURLConnection c = open(uri, method, headers, false);
        if (body != null) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(bytes.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(bytes);
            }
        }
        int status = c.getResponseCode();
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            byte[] read = in == null ? new byte[0] : in.readAllBytes();
            return new Response(status, new String(read, StandardCharsets.UTF_8), read.length);
        }
    }

    /** A GET whose body is counted and thrown away (up to {@code maxBytes}); follows redirects if asked. */
    public Response download(URI uri, Map<String, String> headers, long maxBytes, boolean followRedirects) throws IOException {
        HttpURLConnection c = open(uri, "GET", headers, followRedirects);
        int status = c.getResponseCode();
        long bytes = 0;
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            if (in != null) {
                byte[] buffer = new byte[16 * 1024];
                int n;
                while (bytes < maxBytes && (n = in.read(buffer)) > 0) bytes += n;
            }
        }
        return new Response(status, null, bytes);
    }

    private HttpURLConnection open(URI uri, String method, Map<String, String> headers, boolean followRedirects)
            throws IOException {
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("not an http(s) URL: " + uri);
        }
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        if (c instanceof HttpsURLConnection) ((HttpsURLConnection) c).setSSLSocketFactory(tls.getSocketFactory());
        c.setRequestMethod(method);
        c.setConnectTimeout((int) connectTimeout.toMillis());
        c.setReadTimeout((int) readTimeout.toMillis());
        c.setInstanceFollowRedirects(followRedirects);
        c.setUseCaches(false);
        c.setRequestProperty("User-Agent", "breakpoint-agent");
        for (Map.Entry<String, String> h : headers.entrySet()) c.setRequestProperty(h.getKey(), h.getValue());
        return c;
    }
}
