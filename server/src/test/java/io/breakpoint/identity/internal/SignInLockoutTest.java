package io.breakpoint.identity.internal;

import io.breakpoint.common.SecretBox;
import io.breakpoint.identity.Role;
import io.breakpoint.testing.Api.Response;
import io.breakpoint.testing.ApiTest;
import io.breakpoint.testing.Clinics;
import io.breakpoint.testing.OnH2;
import io.breakpoint.testing.OnPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5, item 1: growing delays after failed sign-ins, per account and per address, that say nothing about whether
 * an account exists. The sign-in steps run with a clock the test moves and small thresholds (3 per account, 6 per
 * address); the stored counts and the audit trail are the real ones.
 */
abstract class SignInLockoutTest extends ApiTest {

    @Autowired
    IdentityStore identities;
    @Autowired
    SignInStore store;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    SecretBox box;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    private final MovingClock clock = new MovingClock();
    private SignIn signIn;
    private String email;
    private String address;

    @BeforeEach
    void aPersonAndAnAddressOfTheirOwn() {
        SignInThrottle throttle = new SignInThrottle(store, clock, 3, 6, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(24));
        signIn = new SignIn(identities, store, throttle, passwords, box, events, clock);
        email = "ma." + UUID.randomUUID().toString().substring(0, 8) + "@riverbend.test";
        identities.insertUser(clinics.riverbend(), email, "Pat Doe", Role.REQUESTER, null, passwords.encode(Clinics.PASSWORD), Instant.now());
        address = "10.0." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
    }

    private boolean signsIn(String who, String password) {
        return Boolean.TRUE.equals(tx.execute(s -> signIn.password(who, password, address).isPresent()));
    }

    @Test
    void afterThreeFailuresEvenTheRightPasswordWaitsAndTheWaitGrows() {
        for (int i = 0; i < 3; i++) assertThat(signsIn(email, "wrong-password-" + i)).isFalse();
        assertThat(signsIn(email, Clinics.PASSWORD)).as("locked for 30 s").isFalse();

        clock.move(Duration.ofSeconds(31));
        assertThat(signsIn(email, "wrong-again-4")).isFalse();
        clock.move(Duration.ofSeconds(45));
        assertThat(signsIn(email, Clinics.PASSWORD)).as("the 4th failure locked for 60 s").isFalse();
        clock.move(Duration.ofSeconds(16));
        assertThat(signsIn(email, Clinics.PASSWORD)).isTrue();

        assertThat(signsIn(email, "wrong-after-success")).as("a success starts the count again").isFalse();
        assertThat(signsIn(email, Clinics.PASSWORD)).isTrue();
        assertThat(jdbc.sql("select action from audit_events where detail like ? order by id").param(email + "%")
                .query(String.class).list()).contains("SIGN_IN_FAILED", "SIGN_IN_LOCKED");
    }

    @Test
    void anUnknownAccountIsLockedTheSameWaySoALockRevealsNothing() {
        String nobody = "nobody." + UUID.randomUUID().toString().substring(0, 8) + "@riverbend.test";
        for (int i = 0; i < 3; i++) assertThat(signsIn(nobody, "wrong-password-" + i)).isFalse();
        assertThat(store.failures(SignInThrottle.account(nobody))).hasValueSatisfying(f -> {
            assertThat(f.failures()).isEqualTo(3);
            assertThat(f.lockedUntil()).isAfter(clock.instant());
        });
    }

    @Test
    void oneAddressTryingManyAccountsIsLockedForAllOfThem() {
        for (int i = 0; i < 6; i++) signsIn("guess" + i + "@riverbend.test", "wrong-password-" + i);
        assertThat(signsIn(email, Clinics.PASSWORD)).as("the address is locked").isFalse();
        clock.move(Duration.ofSeconds(31));
        assertThat(signsIn(email, Clinics.PASSWORD)).isTrue();
    }

    @Test
    void theApiGivesTheSameAnswerForALockedAccountAWrongPasswordAndNoAccount() {
        Response wrong = api.anonymous().post("/api/v1/auth/token", Map.of("username", email, "password", "not-the-password"));
        Response unknown = api.anonymous().post("/api/v1/auth/token", Map.of("username", "x" + email, "password", "not-the-password"));
        // Locks the account for the running server (its real clock): the right password now gets the same answer.
        store.saveFailures(SignInThrottle.account(email), new SignInStore.Failures(20, Instant.now(), Instant.now().plusSeconds(600)));
        Response locked = api.anonymous().post("/api/v1/auth/token", Map.of("username", email, "password", Clinics.PASSWORD));

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());
        assertThat(locked.body()).isEqualTo(wrong.body());
    }

    static final class MovingClock extends Clock {
        private Instant now = Instant.now();

        void move(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

@OnH2
class SignInLockoutOnH2Test extends SignInLockoutTest {
}

@OnPostgres
class SignInLockoutOnPostgresTest extends SignInLockoutTest {
}
