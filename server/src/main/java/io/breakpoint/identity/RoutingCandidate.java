package io.breakpoint.identity;

/** A person who may be given tickets of an organization automatically, with their routing profile. */
public record RoutingCandidate(PersonSummary person, RoutingProfile profile) {
}
