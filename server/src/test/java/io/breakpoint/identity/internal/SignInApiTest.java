package io.breakpoint.identity.internal;

import io.breakpoint.testing.Api.Response;
import io.breakpoint.testing.ApiTest;
import io.breakpoint.testing.Clinics;
import io.breakpoint.testing.OnH2;
import io.breakpoint.testing.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

abstract class SignInApiTest extends ApiTest {

    @Autowired
    IdentityStore store;
    @Autowired
    ActorCache actors;
    @Autowired
    SignInStore signInStore;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aSignedInPersonGetsATokenThatExpires() {
        Response token = (api.anonymous().post("/api/v1/auth/token",
                Map.of("username", clinics.ellis().email(), "password", Clinics.PASSWORD)));
        assertThat(token.status()).isEqualTo(200);
        Instant expires = Instant.parse(token.json().path("expiresAt").asString());
        assertThat(expires).isBetween(Instant.now().plus(Duration.ofHours(11)), Instant.now().plus(Duration.ofHours(13)));
        assertThat(api.withToken(token.json().path("token").asString()).get("/api/v1/tickets").status()).isEqualTo(200);
    }

    @Test
    void anExpiredTokenIsRefused() {
        // Tokens issued by a desk whose clock is 13 hours behind: one lives 12 hours (expired now), one 14 (alive).
        Clock earlier = Clock.fixed(Instant.now().minus(Duration.ofHours(13)), ZoneOffset.UTC);
        var ellis = store.person(clinics.ellis().id()).orElseThrow();
        String expired = tx.execute(s -> new ApiTokens(store, signInStore, actors, earlier, events, Duration.ofHours(12)).issue(ellis).token());
        String alive = tx.execute(s -> new ApiTokens(store, signInStore, actors, earlier, events, Duration.ofHours(14)).issue(ellis).token());

        Response refused = api.withToken(expired).get("/api/v1/tickets");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().path("detail").asString()).contains("expired");
        assertThat(api.withToken(alive).get("/api/v1/tickets").status()).isEqualTo(200);
    }

    @Test
    void aTokenRevokedByLogoutIsRefused() {
        String token = api.signIn(clinics.ava().email(), Clinics.PASSWORD);
        assertThat(api.withToken(token).get("/api/v1/tickets").status()).isEqualTo(200);

        assertThat(api.withToken(token).post("/api/v1/auth/logout", null).status()).isEqualTo(204);

        Response after = api.withToken(token).get("/api/v1/tickets");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.isProblem()).isTrue();
        assertThat(api.withToken(token).post("/api/v1/auth/logout", null).status()).as("logging out twice").isEqualTo(401);
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhetherTheAccountExists() {
        Response wrongPassword = api.anonymous().post("/api/v1/auth/token",
                Map.of("username", clinics.ellis().email(), "password", "not-her-password"));
        Response noSuchAccount = api.anonymous().post("/api/v1/auth/token",
                Map.of("username", "dr.nobody@riverbend.test", "password", "not-her-password"));

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.isProblem()).isTrue();
        assertThat(wrongPassword.json().path("title").asString()).isNotBlank();
        assertThat(wrongPassword.json().path("detail").asString()).isNotBlank();
        assertThat(noSuchAccount.status()).isEqualTo(401);
        assertThat(noSuchAccount.body()).isEqualTo(wrongPassword.body());
    }

    @Test
    void withoutATokenTheApiAnswers401Problem() {
        Response r = api.anonymous().get("/api/v1/tickets");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.isProblem()).isTrue();
        assertThat(api.withToken("bpt_made-up").get("/api/v1/tickets").status()).isEqualTo(401);
    }

}

@OnH2
class SignInApiOnH2Test extends SignInApiTest {
}

@OnPostgres
class SignInApiOnPostgresTest extends SignInApiTest {
}
