package io.breakpoint.diagnosis.internal;

import io.breakpoint.diagnosis.DiagnosisThresholds;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(DiagnosisThresholds.class)
class DiagnosisConfiguration {
}
