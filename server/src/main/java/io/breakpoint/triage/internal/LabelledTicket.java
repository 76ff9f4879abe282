package io.breakpoint.triage.internal;

import io.breakpoint.tickets.Category;
import io.breakpoint.tickets.Priority;

/** One ticket of the shipped corpus with the category, tier and priority PRODUCT.md gives it. */
public record LabelledTicket(boolean heldOut, String source, Category category, int tier, Priority priority, String scope,
                             String subject, String description) {
}
