package io.breakpoint.agent;

import io.breakpoint.agent.json.Json;
import io.breakpoint.agent.protocol.DeviceCredentials;
import io.breakpoint.agent.protocol.SiteConfig;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

/**
 * The agent's files, all in one directory that only its owner may read (0700; files 0600):
 * {@code device.properties} (identity, secret, server), {@code trust.pem} (extra certificates to trust,
 * optional), {@code config.json} (the last valid site configuration), {@code status.json} (what
 * {@code status} prints) and {@code queue/} (samples waiting for the server).
 */
public final class StateDir {

    /** Who this device is and which server it reports to. */
    public record Enrollment(UUID deviceId, String secret, URI server, UUID siteId, String siteName, Instant enrolledAt) {
        public DeviceCredentials credentials() {
            return new DeviceCredentials(deviceId, secret);
        }
    }

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path dir;

    public StateDir(Path dir) {
        this.dir = dir;
    }

    public static Path defaultDir() {
        return Path.of(System.getProperty("user.home"), ".breakpoint-agent");
    }

    public Path path() {
        return dir;
    }

    public Path queueDir() {
        return dir.resolve("queue");
    }

    public Path trustFile() {
        return dir.resolve("trust.pem");
    }

    public boolean enrolled() {
        return Files.exists(dir.resolve("device.properties"));
    }

    public Enrollment enrollment() {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve("device.properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve("device.properties"), e);
        }
        String siteId = p.getProperty("siteId");
        String enrolledAt = p.getProperty("enrolledAt");
        return new Enrollment(UUID.fromString(p.getProperty("deviceId")), p.getProperty("secret"),
                URI.create(p.getProperty("server")), siteId == null || siteId.isEmpty() ? null : UUID.fromString(siteId),
                p.getProperty("siteName"), enrolledAt == null ? null : Instant.parse(enrolledAt));
    }

    public void saveEnrollment(Enrollment e) {
        Properties p = new Properties();
        p.setProperty("deviceId", e.deviceId().toString());
        p.setProperty("secret", e.secret());
        p.setProperty("server", e.server().toString());
        if (e.siteId() != null) p.setProperty("siteId", e.siteId().toString());
        if (e.siteName() != null) p.setProperty("siteName", e.siteName());
        if (e.enrolledAt() != null) p.setProperty("enrolledAt", e.enrolledAt().toString());
        writePrivate("device.properties", out -> p.store(out, "Breakpoint agent identity: keep private"));
    }

    public void saveTrust(Path pem) {
        try {
            String text = Files.readString(pem, StandardCharsets.US_ASCII);
            writePrivate("trust.pem", out -> out.write(text));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pem, e);
        }
    }

    /** The last valid configuration the server sent, or null. */
    public SiteConfig savedConfig() {
        Path file = dir.resolve("config.json");
        if (!Files.exists(file)) return null;
        try {
            return Json.read(Files.readString(file), SiteConfig.class);
        } catch (IOException | RuntimeException damaged) {
            return null;
        }
    }

    public void saveConfig(SiteConfig config) {
        writePrivate("config.json", out -> out.write(Json.write(config)));
    }

    public AgentStatus status() {
        Path file = dir.resolve("status.json");
        if (!Files.exists(file)) return AgentStatus.NONE;
        try {
            return Json.read(Files.readString(file), AgentStatus.class);
        } catch (IOException | RuntimeException damaged) {
            return AgentStatus.NONE;
        }
    }

    public void saveStatus(AgentStatus status) {
        writePrivate("status.json", out -> out.write(Json.write(status)));
    }

    /** Creates the directory if needed and makes it owner-only (0700). */
    public void create() {
        try {
            Files.createDirectories(dir);
            if (POSIX) Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            Files.createDirectories(queueDir());
            if (POSIX) Files.setPosixFilePermissions(queueDir(), PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    private interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** Writes beside, with 0600 from the start, then renames over: a crash leaves the old file or the new one. */
    private void writePrivate(String name, Content content) {
        create();
        Path tmp = dir.resolve(name + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            if (POSIX) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.writeTo(out);
            }
            Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(name), e);
        }
    }
}
