package io.breakpoint.incidents.internal;

import io.breakpoint.tickets.Category;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Reads {@code breakpoint.incidents.*}; a wrong value stops the start with a message naming the property. */
@Configuration
class IncidentSettings {

    @Bean
    BurstRules.Settings incidentBurstSettings(
            @Value("${breakpoint.incidents.enabled:true}") boolean enabled,
            @Value("${breakpoint.incidents.site-threshold:5}") int siteThreshold,
            @Value("${breakpoint.incidents.organization-threshold:10}") int organizationThreshold,
            @Value("${breakpoint.incidents.window:PT10M}") Duration window,
            @Value("${breakpoint.incidents.categories:EMR_PERFORMANCE,EMR_APPLICATION,NETWORK_CONNECTIVITY,MEDICAL_DEVICE_INTEGRATION,PHONES_TELEPHONY,EMAIL_COLLABORATION,INFRASTRUCTURE,SECURITY_INCIDENT}") String categories) {
        return new BurstRules.Settings(enabled, siteThreshold, organizationThreshold, window, parse(categories));
    }

    static Set<Category> parse(String list) {
        Set<Category> out = EnumSet.noneOf(Category.class);
        for (String c : Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            try {
                out.add(Category.valueOf(c.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("breakpoint.incidents.categories: no category " + c + " (use the names of PRODUCT.md, e.g. EMR_PERFORMANCE)");
            }
        }
        return out;
    }
}
