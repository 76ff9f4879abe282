package io.breakpoint.agent.probe;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** A local HTTPS "EMR" with a self-signed certificate made by the JDK's keytool; its PEM is in {@link #pem()}. */
public final class SelfSignedServer implements AutoCloseable {

    private final HttpsServer server;
    private final Path pem;

    public SelfSignedServer(Path dir, String hostName) throws Exception {
        Path store = dir.resolve(hostName + ".p12");
        pem = dir.resolve(hostName + ".pem");
        keytool("-genkeypair", "-alias", "emr", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=" + hostName, "-ext", "SAN=dns:" + hostName, "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "emr", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-file", pem.toString());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", ex -> {
            byte[] body = ("<html>EMR " + ex.getRequestURI().getPath() + "</html>").getBytes(StandardCharsets.UTF_8);
            int status = ex.getRequestURI().getPath().startsWith("/missing") ? 404 : 200;
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Path pem() {
        return pem;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IOException("keytool failed: " + output);
    }
}
