package io.breakpoint.identity.internal;

import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.identity.AccountSecurity;
import io.breakpoint.identity.Administration;
import io.breakpoint.identity.NewPerson;
import io.breakpoint.identity.PersonSummary;
import io.breakpoint.identity.Role;
import io.breakpoint.testing.Api.Response;
import io.breakpoint.testing.ApiTest;
import io.breakpoint.testing.Clinics;
import io.breakpoint.testing.OnH2;
import io.breakpoint.testing.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 5, item 1: MFA on POST /api/v1/auth/token, recovery codes, tokens their owners list and revoke, passwords. */
abstract class MfaApiTest extends ApiTest {

    @Autowired
    IdentityStore store;
    @Autowired
    SignIn signIn;
    @Autowired
    AccountSecurity security;
    @Autowired
    Administration administration;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    TransactionTemplate tx;

    /** An engineer of the MSP with an authenticator app of their own (a fresh secret: no other test uses its codes). */
    private record Engineer(PersonSummary person, String secret) {
    }

    private Engineer anEngineerWithAnApp() {
        String email = "t1." + UUID.randomUUID().toString().substring(0, 8) + "@gateway.test";
        UUID id = store.insertUser(store.mspId().orElseThrow(), email, "New Engineer", Role.TIER1, null,
                passwords.encode(Clinics.PASSWORD), Instant.now());
        PersonSummary p = store.person(id).orElseThrow();
        String secret = Totp.newSecret();
        tx.executeWithoutResult(s -> signIn.enrolWithSecret(null, p, secret));
        return new Engineer(p, secret);
    }

    private Response token(String email, String password, String totp) {
        return api.anonymous().post("/api/v1/auth/token", totp == null
                ? Map.of("username", email, "password", password)
                : Map.of("username", email, "password", password, "totp", totp));
    }

    private static String now(String secret) {
        return Totp.code(secret, Totp.step(Instant.now()));
    }

    @Test
    void mspStaffNeedTheirAuthenticatorCodeAndEachCodeWorksOnce() {
        Engineer e = anEngineerWithAnApp();

        Response noCode = token(e.person().email(), Clinics.PASSWORD, null);
        assertThat(noCode.status()).isEqualTo(401);
        assertThat(noCode.isProblem()).isTrue();
        assertThat(noCode.json().path("error").asString()).isEqualTo("mfa_required");

        String wrong = now(e.secret()).equals("000000") ? "111111" : "000000";
        Response wrongCode = token(e.person().email(), Clinics.PASSWORD, wrong);
        assertThat(wrongCode.status()).isEqualTo(401);
        assertThat(wrongCode.json().path("error").asString()).isEqualTo("invalid_code");

        String code = now(e.secret());
        Response signedIn = token(e.person().email(), Clinics.PASSWORD, code);
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        assertThat(api.withToken(signedIn.json().path("token").asString()).get("/api/v1/tickets").status()).isEqualTo(200);

        Response replay = token(e.person().email(), Clinics.PASSWORD, code);
        assertThat(replay.status()).as("the same code again").isEqualTo(401);
        assertThat(replay.json().path("error").asString()).isEqualTo("invalid_code");

        assertThat(jdbc.sql("select action from audit_events where actor_id = ? order by id").param(e.person().id())
                .query(String.class).list())
                .contains("MFA_FAILED", "SIGN_IN", "TOKEN_ISSUED");
    }

    @Test
    void aRecoveryCodeSignsInOnceInsteadOfTheApp() {
        Engineer e = anEngineerWithAnApp();
        String secret = Totp.newSecret();
        List<String> codes = tx.execute(s -> signIn.enrol(e.person(), secret, now(secret)));
        assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-9]{5}-[a-z2-9]{5}"));
        assertThat(jdbc.sql("select count(*) from mfa_recovery_codes where code_hash like ?").param(codes.get(0).replace("-", "") + "%")
                .query(Long.class).single()).as("stored only hashed").isZero();

        assertThat(token(e.person().email(), Clinics.PASSWORD, codes.get(3)).status()).isEqualTo(200);
        assertThat(token(e.person().email(), Clinics.PASSWORD, codes.get(3)).status()).as("used up").isEqualTo(401);
        assertThat(token(e.person().email(), Clinics.PASSWORD, codes.get(4).toUpperCase().replace("-", " ")).status()).isEqualTo(200);
    }

    @Test
    void coverageCountsTheEnabledPeopleWhoUseAnApp() {
        // Lakeside: Ivy (requester), Jones (practice manager), Lee (clinic IT, enrolled by the fixture), perhaps more
        // people other tests added; only clinic IT needs MFA there.
        AccountSecurity.MfaCoverage c = security.mfaCoverage(clinics.lakeside());
        assertThat(c.people()).isGreaterThanOrEqualTo(3);
        assertThat(c.enrolled()).isGreaterThanOrEqualTo(1).isLessThan(c.people());
    }

    @Test
    void theTotpSecretIsStoredEncrypted() {
        Engineer e = anEngineerWithAnApp();
        String stored = jdbc.sql("select secret from user_mfa where user_id = ?").param(e.person().id()).query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain(e.secret());
    }

    @Test
    void someoneWhoNeedsMfaButHasNoAppIsToldToSetItUpOnTheWeb() {
        UUID id = store.insertUser(store.mspId().orElseThrow(), "t2." + UUID.randomUUID().toString().substring(0, 8) + "@gateway.test",
                "Newcomer", Role.TIER2, null, passwords.encode(Clinics.PASSWORD), Instant.now());
        Response r = token(store.person(id).orElseThrow().email(), Clinics.PASSWORD, "123456");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("error").asString()).isEqualTo("mfa_enrolment_required");
    }

    @Test
    void anOrganizationCanRequireMfaOfAllItsPeople() {
        clinics.asMspAdmin(() -> security.requireMfa(clinics.lakeside(), true));
        try {
            Response r = token(clinics.jones().email(), Clinics.PASSWORD, null);
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.json().path("error").asString()).isEqualTo("mfa_enrolment_required");
            assertThat(token(clinics.ellis().email(), Clinics.PASSWORD, null).status()).as("Riverbend does not require it").isEqualTo(200);
        } finally {
            clinics.asMspAdmin(() -> security.requireMfa(clinics.lakeside(), false));
        }
        assertThat(token(clinics.jones().email(), Clinics.PASSWORD, null).status()).isEqualTo(200);
    }

    @Test
    void ownersListAndRevokeTheirTokensAndNobodyElsesButAdminsMay() {
        String first = api.signIn(clinics.fox().email(), Clinics.PASSWORD);
        String second = api.signIn(clinics.fox().email(), Clinics.PASSWORD);

        var listed = api.withToken(first).get("/api/v1/auth/tokens").expect(200);
        assertThat(listed.size()).isGreaterThanOrEqualTo(2);
        String secondId = ApiTokens.hash(second).substring(0, 16);
        assertThat(listed.findValuesAsString("id")).contains(secondId, ApiTokens.hash(first).substring(0, 16));
        assertThat(listed.toString()).doesNotContain(second);

        // Another requester cannot see or revoke Fox's tokens: the same 404 as for a person that does not exist.
        Response othersList = api.as(clinics.ellis()).get("/api/v1/auth/tokens?userId=" + clinics.fox().id());
        assertThat(othersList.status()).isEqualTo(404);
        assertThat(api.as(clinics.ellis()).send("DELETE", "/api/v1/auth/tokens/" + secondId + "?userId=" + clinics.fox().id(), null)
                .status()).isEqualTo(404);
        assertThat(api.withToken(second).get("/api/v1/tickets").status()).isEqualTo(200);

        assertThat(api.withToken(first).send("DELETE", "/api/v1/auth/tokens/" + secondId, null).status()).isEqualTo(204);
        assertThat(api.withToken(second).get("/api/v1/tickets").status()).isEqualTo(401);
        Response again = api.withToken(first).send("DELETE", "/api/v1/auth/tokens/" + secondId, null);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.isProblem()).isTrue();

        String firstId = ApiTokens.hash(first).substring(0, 16);
        assertThat(api.as(clinics.mspAdmin()).get("/api/v1/auth/tokens?userId=" + clinics.fox().id()).expect(200)
                .findValuesAsString("id")).contains(firstId);
        assertThat(api.as(clinics.mspAdmin()).send("DELETE", "/api/v1/auth/tokens/" + firstId + "?userId=" + clinics.fox().id(), null)
                .status()).isEqualTo(204);
        assertThat(api.withToken(first).get("/api/v1/tickets").status()).isEqualTo(401);
        assertThat(jdbc.sql("select detail from audit_events where action = 'TOKEN_REVOKED' and detail like ?")
                .param("%" + firstId + "%").query(String.class).list()).singleElement().asString().contains("by an admin");
    }

    @Test
    void commonAndShortPasswordsAreRefusedWhenPeopleAreCreated() {
        clinics.asMspAdmin(() -> {
            for (String weak : List.of("Password1234", "short-one", "qwertyuiop123!")) {
                assertThatThrownBy(() -> administration.createPerson(new NewPerson("new.person@riverbend.test", "New Person",
                        Role.REQUESTER, clinics.riverbend(), null, Set.of(), weak)))
                        .as(weak).isInstanceOf(InvalidRequestException.class)
                        .hasFieldOrPropertyWithValue("field", "password");
            }
        });
        assertThat(store.accountByEmail("new.person@riverbend.test")).isEmpty();
    }
}

@OnH2
class MfaApiOnH2Test extends MfaApiTest {
}

@OnPostgres
class MfaApiOnPostgresTest extends MfaApiTest {
}
