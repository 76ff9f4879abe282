package io.breakpoint.agent.protocol;

/** A small download from the Breakpoint server, to see the link's usable bandwidth. */
public record Throughput(long bytes, double seconds, double megabitsPerSecond) {}
