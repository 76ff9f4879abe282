package io.breakpoint.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.UUID;

/** Points the context at an in-memory H2 database that only this JVM knows. */
public class H2Database implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String URL = "jdbc:h2:mem:bp_" + UUID.randomUUID().toString().replace("-", "")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("spring.datasource.url=" + URL, "spring.datasource.username=sa",
                "spring.datasource.password=").applyTo(context);
    }
}
