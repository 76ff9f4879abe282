package io.breakpoint.triage;

import io.breakpoint.tickets.NewTicket;
import io.breakpoint.tickets.Triage;
import io.breakpoint.triage.internal.LiveModel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Triages every new ticket (it replaces the tickets module's Tier 1 default). The requester's category and
 * impact are hints: the category adds weight to the classifier's vote, "whole site" and "patients waiting"
 * count like the same words in the text. Switch it off with {@code breakpoint.triage.enabled=false}; every
 * ticket then goes to the Tier 1 queue as before.
 */
@Component
@ConditionalOnProperty(name = "breakpoint.triage.enabled", havingValue = "true", matchIfMissing = true)
public class AutomaticTriage implements Triage {

    private static final int REASON_MAX = 2_000;

    private final LiveModel model;

    AutomaticTriage(LiveModel model) {
        this.model = model;
        model.engine(); // load (or train) now rather than on the first ticket
    }

    @Override
    public Decision decide(NewTicket ticket) {
        Assessment a = model.engine().assess(ticket.subject(), ticket.description(), ticket.category(), ticket.impact());
        String reason = String.format(Locale.ROOT, "Automatic triage (confidence %.2f): %s", a.confidence(), String.join("; ", a.reasons()));
        return new Decision(a.category(), a.tier(), a.priority(), reason.length() > REASON_MAX ? reason.substring(0, REASON_MAX) : reason);
    }

    /** What triage would decide for this text, without creating anything. */
    @PreAuthorize("isAuthenticated()")
    public Assessment preview(String subject, String description) {
        return model.engine().assess(subject, description, null, null);
    }
}
