package io.breakpoint.telemetry.internal;

/** Text from agents: PostgreSQL stores no NUL characters, and columns have lengths. */
final class Text {
    private Text() {
    }

    static String clean(String s) {
        if (s == null) return null;
        String t = s.indexOf('\u0000') >= 0 ? s.replace("\u0000", "") : s;
        return t.strip();
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
