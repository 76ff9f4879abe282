package io.breakpoint.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;
import java.util.List;

/**
 * The desk's {@link SecretBox}: BREAKPOINT_SECRETS_KEY encrypts (and decrypts), BREAKPOINT_SECRETS_PREVIOUS_KEYS
 * (comma-separated) only decrypt, for instances that have not been given the rotated key yet. Without a key the
 * server refuses to start, except in {@code --demo} or with {@code breakpoint.secrets.dev-key=true} (tests), where a
 * fixed, public development key is used and a warning says so.
 */
@Configuration
class SecretBoxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretBoxConfiguration.class);
    /** Public on purpose: anything it encrypts is readable by anyone with the source code. */
    static final String DEVELOPMENT_KEY = "YnJlYWtwb2ludC1kZXZlbG9wbWVudC1rZXktMzJieXQ=";

    @Bean
    SecretBox secretBox(@Value("${breakpoint.secrets.key:}") String key,
                        @Value("${breakpoint.secrets.previous-keys:}") String previous,
                        @Value("${breakpoint.secrets.dev-key:false}") boolean devKeyAllowed,
                        ObjectProvider<ApplicationArguments> args) {
        List<String> older = Arrays.stream(previous.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (!key.isBlank()) return new SecretBox(key, older);
        ApplicationArguments a = args.getIfAvailable();
        boolean demo = a != null && a.containsOption("demo");
        if (!demo && !devKeyAllowed) {
            throw new IllegalStateException("Set BREAKPOINT_SECRETS_KEY to a base64 key of 32 random bytes "
                    + "(openssl rand -base64 32): the desk encrypts MFA secrets with it. See README, Configuration.");
        }
        log.warn("""

                *****************************************************************************************
                *  BREAKPOINT_SECRETS_KEY is not set: secrets are encrypted with the PUBLIC development key.  *
                *  Fine for --demo and tests, never for real data. Set BREAKPOINT_SECRETS_KEY.           *
                *****************************************************************************************""");
        return new SecretBox(DEVELOPMENT_KEY, older);
    }
}
