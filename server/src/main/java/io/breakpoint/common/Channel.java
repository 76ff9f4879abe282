package io.breakpoint.common;

import java.util.Optional;

/**
 * How a read or change reached the desk: the web UI, the API, the command line, or the desk itself (SYS:
 * scheduled jobs). Web requests are told apart by path; work outside a request says its channel with
 * {@link #runAs}.
 */
public enum Channel {
    UI, API, CLI, SYS;

    private static final ThreadLocal<Channel> CURRENT = new ThreadLocal<>();

    public static void runAs(Channel channel, Runnable work) {
        Channel before = CURRENT.get();
        CURRENT.set(channel);
        try {
            work.run();
        } finally {
            if (before == null) CURRENT.remove(); else CURRENT.set(before);
        }
    }

    public static Optional<Channel> declared() {
        return Optional.ofNullable(CURRENT.get());
    }
}
