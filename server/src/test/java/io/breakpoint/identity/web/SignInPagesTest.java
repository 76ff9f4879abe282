package io.breakpoint.identity.web;

import io.breakpoint.DemoServerTest;
import io.breakpoint.WebSession;
import io.breakpoint.WebSession.Page;
import io.breakpoint.identity.AccountSecurity;
import io.breakpoint.identity.Actors;
import io.breakpoint.identity.Administration;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.NewPerson;
import io.breakpoint.identity.Role;
import io.breakpoint.identity.internal.Totp;
import io.breakpoint.testing.Api;
import io.breakpoint.testing.TestTotp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 5, item 1 in the browser: the MFA step, enrolment before anything else, the account page. */
class SignInPagesTest extends DemoServerTest {

    @Autowired
    AccountSecurity security;
    @Autowired
    Administration administration;
    @Autowired
    Directory directory;

    private void asAdmin(Runnable work) {
        Actors.runAs(directory.actorByEmail("msp.admin@gateway.demo").orElseThrow(), work);
    }

    @Test
    void anEngineerEntersTheCodeOfTheirAppAfterThePasswordAndIsNotSignedInBefore() {
        String cara = "t3.cara@gateway.demo";
        WebSession s = WebSession.fresh(url(""));
        Page password = s.passwordStep(cara, PASSWORD);
        assertThat(password.location()).endsWith("/login/mfa");
        assertThat(s.get("/console").location()).as("the password alone signs nobody in").contains("/login");

        assertThat(s.get("/login/mfa").text()).contains("Verification code");
        String right = TestTotp.nextCode(url(""), cara);
        Page wrong = s.post("/login/mfa", "code", right.equals("000000") ? "111111" : "000000");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.text()).contains("That code is not right");
        assertThat(s.get("/console").location()).contains("/login");

        Page in = s.post("/login/mfa", "code", right);
        assertThat(in.location()).isIn(url("/"), "/");
        assertThat(s.get("/console").status()).isEqualTo(200);
    }

    @Test
    void someoneWhoNeedsMfaSetsUpTheirAppBeforeAnythingElseAndGetsRecoveryCodes() {
        String devon = "t1.devon@gateway.demo";
        UUID id = directory.actorByEmail(devon).orElseThrow().userId();
        asAdmin(() -> security.resetMfa(id));
        try {
            WebSession s = WebSession.fresh(url(""));
            assertThat(s.passwordStep(devon, PASSWORD).location()).endsWith("/login/mfa/enrol");
            assertThat(s.get("/console").location()).contains("/login");
            assertThat(s.get("/login/mfa").location()).as("no code step without an app").endsWith("/login/mfa/enrol");

            Page enrol = s.get("/login/mfa/enrol");
            assertThat(enrol.text()).contains("Set up your authenticator app");
            Matcher m = Pattern.compile("id=\"mfa-secret\">([A-Z2-7 ]+)<").matcher(enrol.html());
            assertThat(m.find()).isTrue();
            String secret = m.group(1).replace(" ", "");
            assertThat(enrol.html()).contains("otpauth://totp/Breakpoint:t1.devon%40gateway.demo?secret=" + secret);
            Page qr = s.get("/login/mfa/enrol/qr.svg");
            assertThat(qr.status()).isEqualTo(200);
            assertThat(qr.html()).startsWith("<svg").contains("<path");
            assertThat(WebSession.fresh(url("")).get("/login/mfa/enrol/qr.svg").status()).as("only for the enrolment in progress").isEqualTo(404);

            String code = Totp.code(secret, Totp.step(Instant.now()));
            Page wrong = s.post("/login/mfa/enrol", "code", code.equals("000000") ? "111111" : "000000");
            assertThat(wrong.status()).isEqualTo(400);
            assertThat(wrong.text()).contains("That code is not right");

            Page codes = s.post("/login/mfa/enrol", "code", code);
            assertThat(codes.status()).isEqualTo(200);
            assertThat(codes.text()).contains("Your recovery codes");
            assertThat(Pattern.compile("<code>[a-z2-9]{5}-[a-z2-9]{5}</code>").matcher(codes.html()).results().count()).isEqualTo(10);
            assertThat(s.get("/console").status()).isEqualTo(200);
            assertThat(s.get("/account").text()).contains("On. 10 recovery codes left");
        } finally {
            asAdmin(() -> security.enrolMfa(id, TestTotp.SECRET));
        }
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void clinicStaffWithoutMfaAreSignedInByTheirPasswordAndSigningInAndOutIsAudited() {
        WebSession s = WebSession.fresh(url(""));
        assertThat(s.passwordStep("ma.fox@riverbend.demo", PASSWORD).location()).isIn(url("/"), "/");
        assertThat(s.get("/account").text()).contains("Not needed for your account");
        assertThat(s.post("/logout").location()).contains("/login?signedOut");
        assertThat(s.get("/account").location()).contains("/login");
        assertThat(jdbc.sql("select action from audit_events where actor_email = 'ma.fox@riverbend.demo' order by id desc limit 2")
                .query(String.class).list()).containsExactly("SIGN_OUT", "SIGN_IN");
    }

    @Test
    void peopleChangeTheirOwnPasswordButNotToACommonOne() {
        String email = "ma.new" + UUID.randomUUID().toString().substring(0, 6) + "@riverbend.demo";
        UUID org = directory.actorByEmail("ma.fox@riverbend.demo").orElseThrow().organizationId();
        asAdmin(() -> administration.createPerson(new NewPerson(email, "Robin New", Role.REQUESTER, org, null, Set.of(), PASSWORD)));
        WebSession s = WebSession.signIn(url(""), email, PASSWORD);
        assertThat(s.get("/account").text()).contains("Change your password");

        Page common = s.post("/account/password", "current", PASSWORD, "password", "Sunshine2024!", "confirm", "Sunshine2024!");
        assertThat(common.status()).isEqualTo(400);
        assertThat(common.fieldError("password")).contains("common or breached");
        Page mismatch = s.post("/account/password", "current", PASSWORD, "password", "my cat likes the printer", "confirm", "my cat likes printers");
        assertThat(mismatch.fieldError("confirm")).contains("not the same");
        Page wrongCurrent = s.post("/account/password", "current", "not-my-password", "password", "my cat likes the printer",
                "confirm", "my cat likes the printer");
        assertThat(wrongCurrent.fieldError("current")).contains("not right");

        Page changed = s.follow(s.post("/account/password", "current", PASSWORD, "password", "my cat likes the printer",
                "confirm", "my cat likes the printer"));
        assertThat(changed.text()).contains("Your password is changed.");
        assertThat(WebSession.attemptSignIn(url(""), email, PASSWORD).location()).contains("error");
        WebSession.signIn(url(""), email, "my cat likes the printer");
    }

    @Test
    void theAccountPageListsTheirApiTokensAndRevokesOne() {
        String email = "ma.tok" + UUID.randomUUID().toString().substring(0, 6) + "@riverbend.demo";
        UUID org = directory.actorByEmail("ma.fox@riverbend.demo").orElseThrow().organizationId();
        asAdmin(() -> administration.createPerson(new NewPerson(email, "Kim Token", Role.REQUESTER, org, null, Set.of(), PASSWORD)));
        Api api = Api.at(port);
        String token = api.signIn(email, PASSWORD);
        String id = api.withToken(token).get("/api/v1/auth/tokens").expect(200).get(0).path("id").asString();

        WebSession s = WebSession.signIn(url(""), email, PASSWORD);
        assertThat(s.get("/account").text()).contains(id);
        Page revoked = s.follow(s.post("/account/tokens/" + id + "/revoke"));
        assertThat(revoked.text()).contains("The token is revoked").contains("You have no live API tokens");
        assertThat(api.withToken(token).get("/api/v1/tickets").status()).isEqualTo(401);
    }

    @Test
    void aPracticeManagerRequiresMfaOfEveryoneInTheirOrganization() {
        String email = "pm.new" + UUID.randomUUID().toString().substring(0, 6) + "@lakeside.demo";
        UUID lakeside = directory.actorByEmail("pm.jones@lakeside.demo").orElseThrow().organizationId();
        asAdmin(() -> administration.createPerson(new NewPerson(email, "Pat Manager", Role.ORG_ADMIN, lakeside, null, Set.of(), PASSWORD)));
        WebSession pm = WebSession.signIn(url(""), email, PASSWORD);
        assertThat(pm.get("/account").text()).contains("Only clinic IT staff sign in with an authenticator app");
        try {
            Page on = pm.follow(pm.post("/account/organization-mfa", "required", "true"));
            assertThat(on.text()).contains("Everyone of your organization now signs in with an authenticator app");
            assertThat(WebSession.fresh(url("")).passwordStep("rn.ivy@lakeside.demo", PASSWORD).location())
                    .as("Ivy now sets up an app first").endsWith("/login/mfa/enrol");
            WebSession requester = WebSession.signIn(url(""), "ma.fox@riverbend.demo", PASSWORD);
            requester.get("/account");
            assertThat(requester.post("/account/organization-mfa", "required", "true").status()).isEqualTo(403);
        } finally {
            asAdmin(() -> security.requireMfa(lakeside, false));
        }
    }

    @Test
    void adminsResetAPersonsMfaAndSeeLiveEmergencyAccess() {
        WebSession admin = WebSession.signIn(url(""), "msp.admin@gateway.demo", PASSWORD);
        assertThat(admin.get("/admin/security").text()).contains("Emergency (break-glass) access").contains("Riverbend Health");
        UUID hale = directory.actorByEmail("it.hale@riverbend.demo").orElseThrow().userId();
        assertThat(admin.get("/admin/users/" + hale + "/security").text()).contains("On, 10 recovery codes left");
        try {
            Page reset = admin.follow(admin.post("/admin/users/" + hale + "/mfa/reset"));
            assertThat(reset.text()).contains("MFA is reset").contains("Required, not set up yet");
        } finally {
            asAdmin(() -> security.enrolMfa(hale, TestTotp.SECRET));
        }
    }
}
