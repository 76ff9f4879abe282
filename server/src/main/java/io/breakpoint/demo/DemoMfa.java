package io.breakpoint.demo;

import io.breakpoint.identity.AccountSecurity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * With BREAKPOINT_DEMO_TOTP_SECRET (base32), the demo users who need MFA (MSP staff, clinic IT) are enrolled with
 * that secret, so scripted checks and demos can sign in; without it they set up an app at their first sign-in.
 */
@Component
class DemoMfa {

    private static final Logger log = LoggerFactory.getLogger(DemoMfa.class);

    private final AccountSecurity security;
    private final String secret;

    DemoMfa(AccountSecurity security, @Value("${breakpoint.demo.totp-secret:}") String secret) {
        this.security = security;
        this.secret = secret;
    }

    /** Runs as the demo's MSP admin, inside the seeding transaction. */
    void seed() {
        if (secret == null || secret.isBlank()) {
            log.info("Demo users who need MFA (MSP staff, clinic IT) set up an authenticator app at their first sign-in "
                    + "(set BREAKPOINT_DEMO_TOTP_SECRET to enrol them with a known secret).");
            return;
        }
        int n = security.enrolAllWhoNeedMfa(secret);
        log.warn("Demo: {} users who need MFA are enrolled with the secret from BREAKPOINT_DEMO_TOTP_SECRET.", n);
    }
}
