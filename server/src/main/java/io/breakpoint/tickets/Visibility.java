package io.breakpoint.tickets;

/** PUBLIC entries are the requester's thread; INTERNAL ones are for desk staff only, everywhere. */
public enum Visibility {
    PUBLIC, INTERNAL
}
