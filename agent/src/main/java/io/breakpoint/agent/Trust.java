package io.breakpoint.agent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Which TLS certificates the agent accepts, for the Breakpoint server and the EMR probes alike: the
 * operating system's (the JVM's) trusted authorities, plus the certificates in the state directory's
 * {@code trust.pem} when there is one (a private CA, or a self-signed server certificate). There is no
 * switch that turns checking off; host names are always verified. See docs/decisions/0014.
 */
public final class Trust {

    private final SSLContext context;
    private final int extraCertificates;

    private Trust(SSLContext context, int extraCertificates) {
        this.context = context;
        this.extraCertificates = extraCertificates;
    }

    /** The system's authorities, plus those in {@code pem} if that file exists. */
    public static Trust from(Path pem) {
        try {
            List<X509Certificate> extra = new ArrayList<>();
            if (pem != null && Files.exists(pem)) extra.addAll(read(pem));
            X509TrustManager system = trustManager(null);
            X509TrustManager combined = system;
            if (!extra.isEmpty()) {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                for (int i = 0; i < extra.size(); i++) store.setCertificateEntry("extra-" + i, extra.get(i));
                combined = new Either(system, trustManager(store));
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {combined}, null);
            return new Trust(context, extra.size());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS trust: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pem, e);
        }
    }

    public SSLContext sslContext() {
        return context;
    }

    public int extraCertificates() {
        return extraCertificates;
    }

    /** Certificates in a PEM file; fails when there is none, so a wrong file is noticed at enrollment. */
    static List<X509Certificate> read(Path pem) throws IOException, CertificateException {
        byte[] bytes = Files.readString(pem, StandardCharsets.US_ASCII).getBytes(StandardCharsets.US_ASCII);
        Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(bytes));
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate c : certificates) out.add((X509Certificate) c);
        if (out.isEmpty()) throw new CertificateException("no certificate in " + pem);
        return out;
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager tm : factory.getTrustManagers()) {
            if (tm instanceof X509TrustManager) return (X509TrustManager) tm;
        }
        throw new IllegalStateException("no X.509 trust manager");
    }

    /**
     * Accepts a chain either trust manager accepts. A plain X509TrustManager: JSSE wraps it and still checks
     * the host name against the certificate.
     */
    private static final class Either implements X509TrustManager {
        private final X509TrustManager first;
        private final X509TrustManager second;

        Either(X509TrustManager first, X509TrustManager second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            first.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType);
            } catch (CertificateException notBySystem) {
                second.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            X509Certificate[] a = first.getAcceptedIssuers();
            X509Certificate[] b = second.getAcceptedIssuers();
            X509Certificate[] all = new X509Certificate[a.length + b.length];
            System.arraycopy(a, 0, all, 0, a.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return all;
        }
    }
}
