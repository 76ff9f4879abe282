package io.breakpoint.identity.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Growing delays after failed sign-ins, per account and per address. From the {@code lockAfter}-th failure on, the
 * subject is locked for {@code baseDelay} × 2^(failures − lockAfter), at most {@code maxDelay}: 30 s, 1 min, 2 min, ...
 * 1 h. Emails that match no account are counted and locked the same way, so a lock reveals nothing about whether an
 * account exists. A success clears the account's count (not the address's: one valid account must not reset the
 * address an attacker guesses other accounts from); failures older than {@code forgetAfter} start over.
 */
@Component
public class SignInThrottle {

    private final SignInStore store;
    private final Clock clock;
    private final int accountLockAfter;
    private final int addressLockAfter;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration forgetAfter;

    SignInThrottle(SignInStore store, Clock clock,
                   @Value("${breakpoint.sign-in.lock-after-account:5}") int accountLockAfter,
                   @Value("${breakpoint.sign-in.lock-after-address:20}") int addressLockAfter,
                   @Value("${breakpoint.sign-in.base-delay:PT30S}") Duration baseDelay,
                   @Value("${breakpoint.sign-in.max-delay:PT1H}") Duration maxDelay,
                   @Value("${breakpoint.sign-in.forget-after:PT24H}") Duration forgetAfter) {
        this.store = store;
        this.clock = clock;
        this.accountLockAfter = accountLockAfter;
        this.addressLockAfter = addressLockAfter;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.forgetAfter = forgetAfter;
    }

    static String account(String email) {
        // PostgreSQL cannot store a NUL; no account has one, so any stand-in keeps such attempts counted.
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT).replace('\u0000', '?');
        return "account:" + (e.length() > 280 ? e.substring(0, 280) : e);
    }

    static String address(String address) {
        return "address:" + (address == null ? "unknown" : address);
    }

    /** True when the account or the address is locked now. */
    public boolean locked(String email, String address) {
        Instant now = clock.instant();
        return lockedNow(account(email), now) || lockedNow(address(address), now);
    }

    private boolean lockedNow(String subject, Instant now) {
        return store.failures(subject).map(f -> f.lockedUntil() != null && f.lockedUntil().isAfter(now)).orElse(false);
    }

    /** Counts a failure; true when it locked the account or the address (a lockout to audit). */
    public boolean failed(String email, String address) {
        boolean a = count(account(email), accountLockAfter);
        boolean b = count(address(address), addressLockAfter);
        return a || b;
    }

    public void succeeded(String email) {
        store.clearFailures(account(email));
    }

    private boolean count(String subject, int lockAfter) {
        Instant now = clock.instant();
        int before = store.failures(subject)
                .filter(f -> f.lastFailureAt().plus(forgetAfter).isAfter(now))
                .map(SignInStore.Failures::failures).orElse(0);
        int failures = before + 1;
        Instant lockedUntil = null;
        if (failures >= lockAfter) {
            int doublings = Math.min(failures - lockAfter, 20);
            Duration delay = baseDelay.multipliedBy(1L << doublings);
            lockedUntil = now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
        }
        store.saveFailures(subject, new SignInStore.Failures(failures, now, lockedUntil));
        return lockedUntil != null;
    }
}
