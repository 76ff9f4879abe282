package io.breakpoint.tickets.internal;

import io.breakpoint.tickets.Impact;
import io.breakpoint.tickets.NewTicket;
import io.breakpoint.tickets.Priority;
import io.breakpoint.tickets.Triage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Until automatic triage exists, every ticket goes to the Tier 1 queue with the requester's category and a
 * priority from the impact they described; an engineer corrects both.
 */
@Configuration
class TierOneQueueTriage {

    @Bean
    @ConditionalOnMissingBean(Triage.class)
    Triage tierOneQueue() {
        return t -> {
            Priority p = t.impact() == Impact.WHOLE_SITE || t.impact() == Impact.PATIENTS_WAITING ? Priority.P2 : Priority.P3;
            return new Triage.Decision(t.category(), 1, p,
                    "Placed in the Tier 1 queue" + (t.impact() != null ? "; requester says: " + t.impact().label().toLowerCase() : ""));
        };
    }
}
