package io.breakpoint.agent.probe;

/** {@code host}, {@code host:port} or {@code [v6]:port}; port -1 when none was given and there is no default. */
record HostPort(String host, int port) {

    static HostPort parse(String target, int defaultPort) {
        if (target == null || target.isBlank()) return null;
        String t = target.trim();
        String host = t;
        int port = defaultPort;
        try {
            if (t.startsWith("[")) {
                int close = t.indexOf(']');
                if (close < 0) return null;
                host = t.substring(1, close);
                if (t.length() > close + 1) {
                    if (t.charAt(close + 1) != ':') return null;
                    port = Integer.parseInt(t.substring(close + 2));
                }
            } else if (t.indexOf(':') >= 0 && t.indexOf(':') == t.lastIndexOf(':')) {
                host = t.substring(0, t.indexOf(':'));
                port = Integer.parseInt(t.substring(t.indexOf(':') + 1));
            }
        } catch (NumberFormatException bad) {
            return null;
        }
        if (host.isEmpty() || port > 65535 || (port < 1 && port != -1)) return null;
        return new HostPort(host, port);
    }

    boolean isLiteral() {
        return isLiteral(host);
    }

    static boolean isLiteral(String host) {
        return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
    }
}
