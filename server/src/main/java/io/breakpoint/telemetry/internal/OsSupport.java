package io.breakpoint.telemetry.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The one place that says which operating systems no longer get security updates, for the compliance evidence
 * ("devices with an operating system out of support"). Facts as the agent reports them (OSHI: family "Windows" or
 * "macOS", version "10", "11", "8.1", "Server 2012 R2", "14.6.1", ...):
 * <ul>
 *   <li>Windows XP, Vista, 7, 8 and 8.1: out of support;</li>
 *   <li>Windows 10: out of support after {@link #WINDOWS_10_END} (paid extended updates are not counted);</li>
 *   <li>Windows Server 2003, 2008 and 2012 (R2 included): out of support;</li>
 *   <li>macOS: Apple updates the newest three majors; older than the third newest of {@link #MACOS_MAJORS} is out.</li>
 * </ul>
 * Anything else (Windows 11, newer servers, Linux, or a version the agent could not read) is not counted as out of
 * support: the evidence names what it knows, it does not guess.
 */
public final class OsSupport {

    /** Microsoft's end of support for Windows 10 (all editions of 22H2). */
    public static final LocalDate WINDOWS_10_END = LocalDate.of(2025, 10, 14);

    /** macOS majors in release order; the last three get security updates. Add a major when Apple ships one. */
    public static final List<Integer> MACOS_MAJORS = List.of(10, 11, 12, 13, 14, 15, 26);

    private OsSupport() {
    }

    /** Whether the operating system is out of support on {@code today}; false when it cannot tell. */
    public static boolean unsupported(String osName, String osVersion, LocalDate today) {
        if (osName == null || osVersion == null) return false;
        String name = osName.strip().toLowerCase(Locale.ROOT);
        String version = osVersion.strip().toLowerCase(Locale.ROOT);
        if (name.contains("windows")) {
            if (version.startsWith("server")) {
                return version.matches("server (2003|2008|2012).*");
            }
            if (version.matches("(xp|vista|7|8|8\\.1)(\\b.*)?")) return true;
            if (version.matches("10(\\b.*)?")) return today.isAfter(WINDOWS_10_END);
            return false;
        }
        if (name.contains("mac") || name.contains("os x")) {
            int major = major(version);
            if (major < 0) return false;
            int oldestSupported = MACOS_MAJORS.get(MACOS_MAJORS.size() - 3);
            return major < oldestSupported;
        }
        return false;
    }

    private static int major(String version) {
        int end = 0;
        while (end < version.length() && Character.isDigit(version.charAt(end))) end++;
        if (end == 0 || end > 4) return -1;
        return Integer.parseInt(version.substring(0, end));
    }
}
