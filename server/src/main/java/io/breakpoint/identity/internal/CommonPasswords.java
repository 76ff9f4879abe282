package io.breakpoint.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The common and breached passwords the desk refuses (NIST SP 800-63B 5.1.1.2: check new passwords against
 * "passwords obtained from previous breach corpuses" and "commonly-used passwords"). The list is the 30,000 most
 * common passwords of Xato's 10-million-password corpus as zxcvbn ships it (MIT; see the resource's header). Most
 * are shorter than the 12 characters we require, so a password is also refused when it is one of them with digits
 * or symbols around it ("password1234!"), or one short piece repeated ("abcabcabcabc").
 */
public final class CommonPasswords {

    private static final Set<String> LIST = load();

    private CommonPasswords() {
    }

    public static boolean isCommon(String password) {
        String p = password.toLowerCase(Locale.ROOT);
        if (LIST.contains(p)) return true;
        String core = p.replaceAll("^[^a-z]+|[^a-z]+$", "");
        if (core.length() >= 4 && LIST.contains(core)) return true;
        for (int unit = 1; unit <= 4; unit++) {
            if (p.length() % unit == 0 && p.substring(0, unit).repeat(p.length() / unit).equals(p)) return true;
        }
        return false;
    }

    static int size() {
        return LIST.size();
    }

    private static Set<String> load() {
        Set<String> set = new HashSet<>(40_000);
        var in = CommonPasswords.class.getResourceAsStream("/identity/common-passwords.txt");
        if (in == null) throw new IllegalStateException("identity/common-passwords.txt is missing from the classpath");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) set.add(line.strip().toLowerCase(Locale.ROOT));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return set;
    }
}
