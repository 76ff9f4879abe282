package io.breakpoint.identity.internal;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Writes an RFC 9457 problem from a security filter, where no controller advice runs. */
final class Problems {
    private Problems() {
    }

    static void write(HttpServletResponse res, int status, String title, String detail) throws IOException {
        res.setStatus(status);
        res.setContentType("application/problem+json");
        res.setCharacterEncoding("UTF-8");
        res.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail.replace("\"", "\\\"") + "\"}");
    }
}
