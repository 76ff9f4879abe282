package io.breakpoint.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} command-line options. */
final class Args {

    private Args() {
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --name value pairs, got: " + args[i]);
            }
            out.put(args[i].substring(2), args[++i]);
        }
        return out;
    }

    /** An option, else the environment variable, else a clear failure. */
    static String required(Map<String, String> a, String name, String env) {
        String v = a.getOrDefault(name, System.getenv(env));
        if (v == null || v.isBlank()) throw new IllegalArgumentException("Give --" + name + " or set " + env);
        return v;
    }
}
