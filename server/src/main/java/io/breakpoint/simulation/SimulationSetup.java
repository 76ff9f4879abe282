package io.breakpoint.simulation;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Instant;

/**
 * Only with {@code breakpoint.simulation.enabled=true} (the simulate-day command and its test, each on an in-memory
 * database of its own): the simulated clock replaces the system clock for every module.
 */
@Configuration
@ConditionalOnProperty(name = "breakpoint.simulation.enabled", havingValue = "true")
class SimulationSetup {

    @Bean
    @Primary
    SimulatedClock simulatedClock() {
        return new SimulatedClock(Instant.parse("2026-01-06T12:00:00Z"));
    }
}
