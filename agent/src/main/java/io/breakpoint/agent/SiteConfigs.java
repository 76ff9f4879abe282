package io.breakpoint.agent;

import io.breakpoint.agent.protocol.SiteConfig;

import java.util.ArrayList;
import java.util.List;

/** The configuration used before the server has sent one, and the checks a received one must pass. */
final class SiteConfigs {

    /** Measure every minute, send what is measured, ask for targets every 5 minutes; no targets but the gateway. */
    static final SiteConfig DEFAULTS = new SiteConfig(0, 60, 0, 300, 200, null, null, List.of(), List.of(), List.of(), null);

    private SiteConfigs() {}

    /** What is wrong with {@code config}, in words for the log; empty when it can be used. */
    static List<String> problems(SiteConfig config) {
        List<String> problems = new ArrayList<>();
        if (config == null) {
            problems.add("no configuration");
            return problems;
        }
        range(problems, "sampleEverySeconds", config.sampleEverySeconds(), 1, 3600);
        if (config.throughputEverySeconds() != 0) range(problems, "throughputEverySeconds", config.throughputEverySeconds(), 1, 7 * 86400);
        range(problems, "configRefreshSeconds", config.configRefreshSeconds(), 1, 86400);
        range(problems, "maxBatchSamples", config.maxBatchSamples(), 1, 10_000);
        urls(problems, "emrEndpoints", config.emrEndpoints());
        urls(problems, "emrTransaction", config.emrTransaction());
        return problems;
    }

    /** Null lists become empty ones, so the rest of the agent need not check. */
    static SiteConfig normalized(SiteConfig c) {
        return new SiteConfig(c.version(), c.sampleEverySeconds(), c.throughputEverySeconds(), c.configRefreshSeconds(),
                c.maxBatchSamples(), blankToNull(c.edgeHost()), blankToNull(c.referenceHost()), orEmpty(c.emrEndpoints()),
                orEmpty(c.emrTransaction()), orEmpty(c.guestAddresses()), blankToNull(c.throughputUrl()));
    }

    private static void range(List<String> problems, String name, int value, int min, int max) {
        if (value < min || value > max) problems.add(name + " " + value + " is outside " + min + ".." + max);
    }

    private static void urls(List<String> problems, String name, List<String> urls) {
        if (urls == null) return;
        for (String url : urls) {
            if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
                problems.add(name + " has '" + url + "', not an http(s) URL");
            }
        }
    }

    private static List<String> orEmpty(List<String> list) {
        if (list == null) return List.of();
        List<String> out = new ArrayList<>();
        for (String s : list) if (s != null && !s.isBlank()) out.add(s.trim());
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
