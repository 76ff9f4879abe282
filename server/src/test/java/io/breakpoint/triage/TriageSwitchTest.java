package io.breakpoint.triage;

import io.breakpoint.tickets.Triage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** With breakpoint.triage.enabled=false the tickets module's Tier 1 default is back and the preview route is gone. */
@SpringBootTest(properties = {"breakpoint.triage.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:triage-off;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
class TriageSwitchTest {

    @Autowired
    ApplicationContext context;

    @Test
    void switchedOffTriageLeavesTheTierOneDefault() {
        assertThat(context.getBeansOfType(AutomaticTriage.class)).isEmpty();
        assertThat(context.getBeansOfType(Triage.class)).hasSize(1);
        assertThat(context.getBean(Triage.class).decide(new io.breakpoint.tickets.NewTicket("ransomware", "files encrypted", null, null, null, null)).tier())
                .isEqualTo(1);
    }
}
