package io.breakpoint.agent;

import io.breakpoint.agent.protocol.SiteConfig;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SiteConfigsTest {

    @Test
    void theDefaultsAreUsable() {
        assertThat(SiteConfigs.problems(SiteConfigs.DEFAULTS)).isEmpty();
    }

    @Test
    void eachUnusableValueIsNamed() {
        SiteConfig bad = new SiteConfig(3, 0, -5, 100_000, 0, "edge:443", null,
                List.of("emr.example.com/login"), Arrays.asList("https://emr.example.com", null), null, null);

        assertThat(SiteConfigs.problems(bad)).containsExactly(
                "sampleEverySeconds 0 is outside 1..3600",
                "throughputEverySeconds -5 is outside 1..604800",
                "configRefreshSeconds 100000 is outside 1..86400",
                "maxBatchSamples 0 is outside 1..10000",
                "emrEndpoints has 'emr.example.com/login', not an http(s) URL",
                "emrTransaction has 'null', not an http(s) URL");
    }

    @Test
    void missingListsBecomeEmptyAndBlankHostsNone() {
        SiteConfig sparse = new SiteConfig(1, 60, 0, 300, 100, " ", null, null, null, Arrays.asList(" 10.30.0.5:445 ", ""), null);

        SiteConfig normalized = SiteConfigs.normalized(sparse);

        assertThat(normalized.edgeHost()).isNull();
        assertThat(normalized.emrEndpoints()).isEmpty();
        assertThat(normalized.guestAddresses()).containsExactly("10.30.0.5:445");
    }
}
