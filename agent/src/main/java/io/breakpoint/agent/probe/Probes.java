package io.breakpoint.agent.probe;

import io.breakpoint.agent.protocol.ProbeResult;
import io.breakpoint.agent.protocol.SegmentationCheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The measurements along the data path. Each probe returns a {@link ProbeResult} and never throws: a
 * failure is a measurement too (its {@code error} says timeout, refused, dns, tls, http or io).
 *
 * <p>Connect probes count a refused connection as an answer: the host's TCP stack replied, so the round
 * trip is real even when nothing listens on that port (the gateway rarely serves anything).
 */
public final class Probes {

    private final SSLContext tls;
    private final Duration timeout;
    private final int connectAttempts;
    private final Http http;

    public Probes(SSLContext tls, Duration timeout, int connectAttempts) {
        this.tls = tls;
        this.timeout = timeout;
        this.connectAttempts = connectAttempts;
        this.http = new Http(tls, timeout, timeout);
    }

    /** A host: by TCP connect when a port is given ({@code host:port}), else by {@link InetAddress#isReachable}. */
    public ProbeResult host(String hop, String target) {
        HostPort hp = HostPort.parse(target, -1);
        if (hp == null) return failed(hop, target, "bad target");
        long t0 = System.nanoTime();
        InetAddress address;
        try {
            address = InetAddress.getByName(hp.host());
        } catch (UnknownHostException e) {
            return failed(hop, target, "dns");
        }
        Double dnsMs = hp.isLiteral() ? null : ms(t0);
        Connects c = hp.port() < 0 ? echoes(address) : connects(address, hp.port(), connectAttempts);
        return new ProbeResult(hop, target, dnsMs, c.mean(), null, null, c.mean(), c.attempts, c.failures, c.jitter(),
                c.error());
    }

    /**
     * An HTTP(S) endpoint: DNS, TCP connect, TLS handshake, first byte and total of one {@code GET}, then a
     * few more TCP connects to see loss and jitter. Redirects are not followed: the first answer is timed.
     */
    public ProbeResult endpoint(String hop, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException bad) {
            return failed(hop, url, "bad target");
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        if (uri.getHost() == null || !(https || "http".equalsIgnoreCase(uri.getScheme()))) return failed(hop, url, "bad target");
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        long start = System.nanoTime();
        InetAddress address;
        try {
            address = InetAddress.getByName(uri.getHost());
        } catch (UnknownHostException e) {
            return failed(hop, url, "dns");
        }
        double dnsMs = ms(start);
        Double connectMs = null;
        Double tlsMs = null;
        Double firstByteMs = null;
        Double totalMs = null;
        String error = null;
        int timeoutMs = (int) timeout.toMillis();
        long phase = System.nanoTime();
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(address, port), timeoutMs);
            plain.setSoTimeout(timeoutMs);
            connectMs = ms(phase);
            Socket socket = plain;
            if (https) {
                phase = System.nanoTime();
                SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(plain, uri.getHost(), port, false);
                SSLParameters parameters = ssl.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                if (!HostPort.isLiteral(uri.getHost())) parameters.setServerNames(List.of(new SNIHostName(uri.getHost())));
                ssl.setSSLParameters(parameters);
                ssl.startHandshake();
                tlsMs = ms(phase);
                socket = ssl;
            }
            phase = System.nanoTime();
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (uri.getRawQuery() != null) path += "?" + uri.getRawQuery();
            String hostHeader = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nUser-Agent: breakpoint-agent\r\n"
                    + "Accept: */*\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            int n = in.read(buffer);
            if (n < 0) throw new IOException("closed before answering");
            firstByteMs = ms(phase);
            int status = statusOf(buffer, n);
            long read = n;
            while (read < 4L * 1024 * 1024 && (n = in.read(buffer)) > 0) read += n;
            totalMs = ms(start);
            if (status >= 500) error = "http " + status;
        } catch (SSLException e) {
            error = "tls: " + shorten(e.getMessage());
        } catch (SocketTimeoutException e) {
            error = "timeout";
        } catch (ConnectException e) {
            error = "refused";
        } catch (NoRouteToHostException e) {
            error = "unreachable";
        } catch (IOException e) {
            error = "io: " + shorten(e.getMessage());
        }
        // The GET's connect was one try; a few more plain connects show loss and jitter on the way there.
        Connects more = connects(address, port, Math.max(0, connectAttempts - 1));
        if (connectMs != null) more.times.add(0, connectMs);
        int attempts = more.attempts + 1;
        int failures = more.failures + (connectMs == null ? 1 : 0);
        return new ProbeResult(hop, url, dnsMs, connectMs, tlsMs, firstByteMs, totalMs, attempts, failures,
                more.jitter(), error);
    }

    /** The configured sequence of GETs (kept-alive connections reused, as a browser would), timed end to end. */
    public ProbeResult transaction(String hop, List<String> urls) {
        String target = String.join(" ", urls);
        long start = System.nanoTime();
        Double firstByteMs = null;
        int failures = 0;
        String error = null;
        for (String url : urls) {
            try {
                Http.Response response = http.download(URI.create(url), java.util.Map.of(), 8L * 1024 * 1024, true);
                if (firstByteMs == null) firstByteMs = ms(start);
                if (response.status() >= 400) {
                    failures++;
                    if (error == null) error = "http " + response.status() + " " + url;
                }
            } catch (IllegalArgumentException bad) {
                failures++;
                if (error == null) error = "bad target " + url;
            } catch (IOException e) {
                failures++;
                if (error == null) error = classify(e) + " " + url;
            }
        }
        return new ProbeResult(hop, target, null, null, null, firstByteMs, failures == urls.size() ? null : ms(start),
                urls.size(), failures, null, error);
    }

    /**
     * From a clinical device, which guest-segment addresses answer. A refused connection counts as reachable:
     * the guest host itself answered, so the traffic got through.
     */
    public SegmentationCheck segmentation(List<String> guestAddresses) {
        List<String> reachable = new ArrayList<>();
        for (String target : guestAddresses) {
            HostPort hp = HostPort.parse(target, 445);
            if (hp == null) continue;
            try {
                InetAddress address = InetAddress.getByName(hp.host());
                Connects c = connects(address, hp.port(), 1);
                if (c.failures == 0) reachable.add(target);
            } catch (UnknownHostException e) {
                // a guest address that does not resolve is not reachable
            }
        }
        return new SegmentationCheck(guestAddresses.size(), reachable);
    }

    private static final class Connects {
        final List<Double> times = new ArrayList<>();
        int attempts;
        int failures;
        String lastError;

        Double mean() {
            return times.isEmpty() ? null : round(times.stream().mapToDouble(Double::doubleValue).average().orElse(0));
        }

        /** Mean absolute difference between consecutive successful connect times. */
        Double jitter() {
            if (times.size() < 2) return null;
            double sum = 0;
            for (int i = 1; i < times.size(); i++) sum += Math.abs(times.get(i) - times.get(i - 1));
            return round(sum / (times.size() - 1));
        }

        String error() {
            return failures == 0 ? null : lastError;
        }
    }

    private Connects connects(InetAddress address, int port, int attempts) {
        Connects c = new Connects();
        for (int i = 0; i < attempts; i++) {
            c.attempts++;
            long t0 = System.nanoTime();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
                c.times.add(ms(t0));
            } catch (ConnectException refused) {
                // "Connection refused" is the host answering; "timed out" and "unreachable" are not
                if (String.valueOf(refused.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("refused")) {
                    c.times.add(ms(t0));
                } else {
                    c.failures++;
                    c.lastError = classify(refused);
                }
            } catch (IOException e) {
                c.failures++;
                c.lastError = classify(e);
            }
        }
        return c;
    }

    /** ICMP echo when the agent may send it, else a TCP connect to port 7 (a refusal counts): the JDK's choice. */
    private Connects echoes(InetAddress address) {
        Connects c = new Connects();
        for (int i = 0; i < connectAttempts; i++) {
            c.attempts++;
            long t0 = System.nanoTime();
            try {
                if (address.isReachable((int) timeout.toMillis())) {
                    c.times.add(ms(t0));
                } else {
                    c.failures++;
                    c.lastError = "timeout";
                }
            } catch (IOException e) {
                c.failures++;
                c.lastError = classify(e);
            }
        }
        return c;
    }

    private static String classify(IOException e) {
        if (e instanceof SocketTimeoutException) return "timeout";
        if (e instanceof UnknownHostException) return "dns";
        if (e instanceof NoRouteToHostException) return "unreachable";
        if (e instanceof SSLException) return "tls";
        if (e instanceof ConnectException) {
            String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("timed out")) return "timeout";
            return m.contains("refused") ? "refused" : "unreachable";
        }
        Throwable cause = e.getCause();
        if (cause instanceof SSLException) return "tls";
        return "io";
    }

    private static int statusOf(byte[] buffer, int n) {
        String head = new String(buffer, 0, Math.min(n, 16), StandardCharsets.US_ASCII);
        if (!head.startsWith("HTTP/") || head.length() < 12) return 0;
        try {
            return Integer.parseInt(head.substring(9, 12));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static ProbeResult failed(String hop, String target, String error) {
        return new ProbeResult(hop, target, null, null, null, null, null, 1, 1, null, error);
    }

    private static double ms(long sinceNanos) {
        return round((System.nanoTime() - sinceNanos) / 1e6);
    }

    /** Milliseconds to the hundredth: finer is noise. */
    private static double round(double ms) {
        return Math.round(ms * 100) / 100.0;
    }

    private static String shorten(String message) {
        if (message == null) return "";
        return message.length() > 120 ? message.substring(0, 120) : message;
    }
}
