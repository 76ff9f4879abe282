package io.breakpoint.agent.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether the system disk is encrypted, where that is cheap to know without privileges: on Linux, the root
 * file system sits on a device-mapper target whose uuid starts with {@code CRYPT-} (LUKS, dm-crypt). Null on
 * other systems (BitLocker and FileVault need an administrator's command) and when it cannot tell.
 */
final class DiskEncryption {

    private DiskEncryption() {}

    static Boolean ofRoot() {
        Path mounts = Path.of("/proc/self/mounts");
        if (!Files.isReadable(mounts)) return null;
        try {
            String device = rootDevice(Files.readAllLines(mounts));
            if (device == null) return null;
            if (!device.startsWith("/dev/")) return null; // overlay, tmpfs, network: not a disk
            Path real = Path.of(device).toRealPath();
            String name = real.getFileName().toString();
            if (!name.startsWith("dm-")) return false;
            Path uuid = Path.of("/sys/block", name, "dm", "uuid");
            if (!Files.isReadable(uuid)) return null;
            if (Files.readString(uuid).startsWith("CRYPT-")) return true;
            // LVM on LUKS: the logical volume's slaves lead to the crypt target
            try (var slaves = Files.list(Path.of("/sys/block", name, "slaves"))) {
                return slaves.anyMatch(s -> {
                    try {
                        return Files.readString(Path.of("/sys/block", s.getFileName().toString(), "dm", "uuid")).startsWith("CRYPT-");
                    } catch (IOException notDm) {
                        return false;
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static String rootDevice(List<String> mounts) {
        String device = null;
        for (String line : mounts) {
            String[] f = line.split(" ");
            if (f.length >= 2 && "/".equals(f[1])) device = f[0]; // the last mount on / wins
        }
        return device;
    }
}
