package io.breakpoint.identity.internal;

import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.common.SecretBox;
import io.breakpoint.identity.Actor;
import io.breakpoint.identity.IdentityChanged;
import io.breakpoint.identity.PersonSummary;
import io.breakpoint.identity.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The steps of signing in, shared by the login form and {@code POST /api/v1/auth/token}: the password (throttled,
 * the same answer and the same work for unknown accounts), then the second factor (a TOTP code, once only, or a
 * recovery code) for those who need one, and enrolment. Every outcome is audited (docs/decisions/0016).
 */
@Service
public class SignIn {

    static final int RECOVERY_CODES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final IdentityStore identities;
    private final SignInStore store;
    private final SignInThrottle throttle;
    private final PasswordEncoder passwords;
    private final SecretBox box;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String dummyHash;

    SignIn(IdentityStore identities, SignInStore store, SignInThrottle throttle, PasswordEncoder passwords, SecretBox box,
           ApplicationEventPublisher events, Clock clock) {
        this.identities = identities;
        this.store = store;
        this.throttle = throttle;
        this.passwords = passwords;
        this.box = box;
        this.events = events;
        this.clock = clock;
        this.dummyHash = passwords.encode("not-a-real-password-" + RANDOM.nextLong());
    }

    /** A new secret to show on the enrolment page; nothing is stored until a code from it is confirmed. */
    public record Enrolment(String secret, String uri) {
    }

    /**
     * The person whose password this is, or empty for a wrong password, an unknown, disabled or locked account and a
     * locked address alike. Each case costs one password hash, so timing tells them apart no better than the answer.
     */
    @Transactional
    public Optional<PersonSummary> password(String email, String password, String address) {
        String e = email == null ? "" : email.strip();
        // No account has a NUL in its email; PostgreSQL would refuse to even look for one.
        Optional<IdentityStore.Account> account = e.indexOf('\u0000') >= 0 || e.length() > 254
                ? Optional.empty() : identities.accountByEmail(e);
        boolean locked = throttle.locked(e, address);
        boolean matches = passwords.matches(password == null ? "" : password,
                account.map(IdentityStore.Account::passwordHash).orElse(dummyHash));
        if (!locked && matches && account.isPresent() && account.get().person().enabled()) {
            throttle.succeeded(e);
            return Optional.of(account.get().person());
        }
        Actor who = account.map(a -> identities.actorOf(a.person())).orElse(null);
        UUID org = account.map(a -> organizationOf(a.person())).orElse(null);
        String why = locked ? "while locked" : account.isEmpty() ? "unknown account" : !matches ? "wrong password" : "account disabled";
        audit(who, "SIGN_IN_FAILED", org, safe(e) + " from " + address + ": " + why);
        if (!locked && throttle.failed(e, address)) {
            audit(who, "SIGN_IN_LOCKED", org, safe(e) + " from " + address + ": too many failed attempts, sign-in paused");
        }
        return Optional.empty();
    }

    /** MSP roles and clinic IT always; other people when their organization requires it. */
    public boolean mfaRequired(PersonSummary p) {
        return p.role().isMspRole() || p.role() == Role.INTERNAL_IT || store.organizationRequiresMfa(p.organizationId());
    }

    public boolean enrolled(UUID userId) {
        return store.mfa(userId).isPresent();
    }

    /**
     * Checks a TOTP code (each time step is accepted once: a replayed code is refused) or an unused recovery code.
     * A wrong code counts as a failed sign-in.
     */
    @Transactional
    public boolean secondFactor(PersonSummary p, String code, String address) {
        Optional<SignInStore.Mfa> mfa = store.mfa(p.id());
        String c = code == null ? "" : code.strip();
        boolean ok = false;
        String how = "authenticator code";
        if (mfa.isPresent() && !throttle.locked(p.email(), address)) {
            if (c.length() >= 10) {
                how = "recovery code";
                ok = store.useRecoveryCode(p.id(), ApiTokens.hash(normalizeRecovery(c)), clock.instant());
            } else {
                OptionalLong step = Totp.matchingStep(box.open(mfa.get().sealedSecret(), p.id().toString()), c, clock.instant());
                ok = step.isPresent() && store.useStep(p.id(), step.getAsLong());
            }
        }
        Actor who = identities.actorOf(p);
        if (ok) {
            throttle.succeeded(p.email());
            if (how.equals("recovery code")) {
                audit(who, "MFA_RECOVERY_CODE_USED", organizationOf(p), p.email() + ": " + store.unusedRecoveryCodes(p.id()) + " left");
            }
            return true;
        }
        audit(who, "MFA_FAILED", organizationOf(p), p.email() + " from " + address + ": wrong or reused " + how);
        if (throttle.failed(p.email(), address)) {
            audit(who, "SIGN_IN_LOCKED", organizationOf(p), p.email() + " from " + address + ": too many failed attempts, sign-in paused");
        }
        return false;
    }

    public Enrolment newEnrolment(PersonSummary p) {
        String secret = Totp.newSecret();
        return new Enrolment(secret, Totp.uri("Breakpoint", p.email(), secret));
    }

    /** Stores the secret once a code from it is right; answers the new recovery codes (shown once, stored hashed). */
    @Transactional
    public List<String> enrol(PersonSummary p, String secret, String code) {
        if (!Totp.isBase32(secret)) throw new InvalidRequestException("code", "The set-up expired; start again.");
        OptionalLong step = Totp.matchingStep(secret, code, clock.instant());
        if (step.isEmpty()) {
            throw new InvalidRequestException("code", "That code is not right. Check the time on your phone and enter the current 6-digit code.");
        }
        List<String> codes = store(p, secret, step.getAsLong());
        audit(identities.actorOf(p), "MFA_ENROLLED", organizationOf(p), p.email() + ": authenticator app and " + RECOVERY_CODES + " recovery codes");
        return codes;
    }

    /** Enrols with a given secret (demo and test seeding; the caller checked who may). */
    @Transactional
    public void enrolWithSecret(Actor by, PersonSummary p, String secret) {
        if (!Totp.isBase32(secret)) throw new InvalidRequestException("secret", "A TOTP secret is base32, at least 16 characters.");
        store(p, secret.replace(" ", "").toUpperCase(Locale.ROOT), 0);
        audit(by, "MFA_ENROLLED", organizationOf(p), p.email() + ": with a preset secret (seeding)");
    }

    @Transactional
    public void reset(Actor by, PersonSummary p) {
        store.deleteMfa(p.id());
        audit(by, "MFA_RESET", organizationOf(p), p.email() + ": must enrol again at the next sign-in");
    }

    /** Audits a completed sign-in. */
    @Transactional
    public void signedIn(PersonSummary p, String how) {
        audit(identities.actorOf(p), "SIGN_IN", organizationOf(p), p.email() + " " + how);
    }

    @Transactional
    public void signedOut(PersonSummary p) {
        audit(identities.actorOf(p), "SIGN_OUT", organizationOf(p), p.email() + " signed out on the web");
    }

    private List<String> store(PersonSummary p, String secret, long usedStep) {
        store.enrol(p.id(), box.seal(secret, p.id().toString()), clock.instant());
        if (usedStep > 0) store.useStep(p.id(), usedStep);
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = 0; j < 10; j++) b.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
            String raw = b.toString();
            codes.add(raw.substring(0, 5) + "-" + raw.substring(5));
            hashes.add(ApiTokens.hash(raw));
        }
        store.replaceRecoveryCodes(p.id(), hashes);
        return codes;
    }

    private static String normalizeRecovery(String code) {
        return code.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
    }

    static UUID organizationOf(PersonSummary p) {
        return p.role().isMspRole() ? null : p.organizationId();
    }

    private static String safe(String email) {
        String e = email.replace('\u0000', '?');
        return e.length() > 254 ? e.substring(0, 254) : e;
    }

    private void audit(Actor by, String action, UUID organizationId, String detail) {
        events.publishEvent(new IdentityChanged(by, action, organizationId, detail));
    }
}
