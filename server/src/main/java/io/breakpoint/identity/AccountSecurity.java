package io.breakpoint.identity;

import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.common.NotFoundException;
import io.breakpoint.identity.internal.ActorCache;
import io.breakpoint.identity.internal.ApiTokens;
import io.breakpoint.identity.internal.IdentityStore;
import io.breakpoint.identity.internal.SignIn;
import io.breakpoint.identity.internal.SignInStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person's sign-in security as they and the admins manage it: MFA (status, reset, seeding, the organization's
 * requirement), the password, and the API tokens they hold (docs/decisions/0016).
 */
@Service
@Transactional
public class AccountSecurity {

    private final IdentityStore store;
    private final SignInStore signInStore;
    private final SignIn signIn;
    private final ApiTokens tokens;
    private final Administration administration;
    private final PasswordEncoder passwords;
    private final ActorCache actors;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountSecurity(IdentityStore store, SignInStore signInStore, SignIn signIn, ApiTokens tokens, Administration administration,
                    PasswordEncoder passwords, ActorCache actors, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.signInStore = signInStore;
        this.signIn = signIn;
        this.tokens = tokens;
        this.administration = administration;
        this.passwords = passwords;
        this.actors = actors;
        this.events = events;
        this.clock = clock;
    }

    public record MfaStatus(boolean required, boolean enrolled, int recoveryCodesLeft) {
    }

    /** A live API token; {@code id} names it for revoking, the token itself is never shown again. */
    public record TokenSummary(String id, Instant issuedAt, Instant expiresAt, String emergencyReason) {
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public MfaStatus myMfa() {
        PersonSummary me = store.person(Actors.current().userId()).orElseThrow();
        return new MfaStatus(signIn.mfaRequired(me), signIn.enrolled(me.id()), signInStore.unusedRecoveryCodes(me.id()));
    }

    @PreAuthorize("hasRole('MSP_ADMIN')")
    @Transactional(readOnly = true)
    public MfaStatus mfaOf(UUID userId) {
        PersonSummary p = administration.person(userId);
        return new MfaStatus(signIn.mfaRequired(p), signIn.enrolled(p.id()), signInStore.unusedRecoveryCodes(p.id()));
    }

    /** For a lost phone: the person enrols again at their next sign-in. */
    @PreAuthorize("hasRole('MSP_ADMIN')")
    public void resetMfa(UUID userId) {
        signIn.reset(Actors.current(), administration.person(userId));
    }

    /** Enrols a person with a known secret: only the demo seeding and tests use this. */
    @PreAuthorize("hasRole('MSP_ADMIN')")
    public void enrolMfa(UUID userId, String base32Secret) {
        signIn.enrolWithSecret(Actors.current(), administration.person(userId), base32Secret);
    }

    /**
     * Enrols everyone who needs MFA and has no app yet with one known secret: only for the demo
     * (BREAKPOINT_DEMO_TOTP_SECRET) and tests, so scripted sign-ins can compute codes. Answers how many it enrolled.
     */
    @PreAuthorize("hasRole('MSP_ADMIN')")
    public int enrolAllWhoNeedMfa(String base32Secret) {
        Actor me = Actors.current();
        List<UUID> orgs = new java.util.ArrayList<>(List.of(me.organizationId()));
        store.allClientOrganizations().forEach(o -> orgs.add(o.id()));
        int n = 0;
        for (PersonSummary p : store.peopleOf(orgs)) {
            if (signIn.mfaRequired(p) && !signIn.enrolled(p.id())) {
                signIn.enrolWithSecret(me, p, base32Secret);
                n++;
            }
        }
        return n;
    }

    /** Whether everyone of a client organization needs MFA (MSP roles and clinic IT need it regardless). */
    @PreAuthorize("hasAnyRole('MSP_ADMIN','ORG_ADMIN')")
    public void requireMfa(UUID organizationId, boolean required) {
        Actor actor = Actors.current();
        boolean mine = actor.is(Role.ORG_ADMIN) ? actor.organizationId().equals(organizationId)
                : store.clientOrganizationOf(actor.organizationId(), organizationId).isPresent();
        if (!mine) throw new NotFoundException("Organization " + organizationId);
        signInStore.setOrganizationRequiresMfa(organizationId, required);
        actors.clear();
        events.publishEvent(new IdentityChanged(actor, "MFA_POLICY_CHANGED", organizationId,
                required ? "everyone must use an authenticator app" : "MFA for MSP staff and clinic IT only"));
    }

    /** How many enabled people an organization has, and how many of them sign in with an authenticator app. */
    public record MfaCoverage(int people, int enrolled) {
    }

    /**
     * MFA coverage of one organization, for compliance evidence (a count only, no names; the caller checks that its
     * user may see the organization).
     */
    @Transactional(readOnly = true)
    public MfaCoverage mfaCoverage(UUID organizationId) {
        List<PersonSummary> people = store.peopleOf(List.of(organizationId)).stream().filter(PersonSummary::enabled).toList();
        int enrolled = (int) people.stream().filter(p -> signIn.enrolled(p.id())).count();
        return new MfaCoverage(people.size(), enrolled);
    }

    @Transactional(readOnly = true)
    public boolean organizationRequiresMfa(UUID organizationId) {
        return signInStore.organizationRequiresMfa(organizationId);
    }

    @PreAuthorize("isAuthenticated()")
    public void changePassword(String current, String next) {
        Actor me = Actors.current();
        IdentityStore.Account account = store.accountByEmail(me.email()).orElseThrow();
        if (current == null || !passwords.matches(current, account.passwordHash())) {
            throw new InvalidRequestException("current", "Your current password is not right.");
        }
        Administration.checkPassword(next);
        if (next.equals(current)) throw new InvalidRequestException("password", "Choose a password you have not used here.");
        store.updatePassword(me.userId(), passwords.encode(next));
        events.publishEvent(new IdentityChanged(me, "PASSWORD_CHANGED", me.role().isMspRole() ? null : me.organizationId(),
                me.email() + " changed their own password"));
    }

    /** The caller's live tokens, or (MSP admins) another person's. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<TokenSummary> tokens(UUID userId) {
        return tokens.live(owner(userId).id()).stream()
                .map(t -> new TokenSummary(t.id(), t.issuedAt(), t.expiresAt(), t.emergencyReason())).toList();
    }

    /** Revokes a live token of the caller, or (MSP admins) of a person they manage. */
    @PreAuthorize("isAuthenticated()")
    public void revokeToken(UUID userId, String tokenId) {
        if (!tokens.revoke(Actors.current(), owner(userId), tokenId)) throw new NotFoundException("Token " + tokenId);
    }

    /** Break-glass tokens that are still alive, for the admin page (docs/break-glass.md). */
    @PreAuthorize("hasRole('MSP_ADMIN')")
    @Transactional(readOnly = true)
    public List<EmergencyAccess> liveEmergencyAccess() {
        return signInStore.liveEmergencyTokens(clock.instant()).stream()
                .map(t -> new EmergencyAccess(store.person(t.userId()).map(PersonSummary::email).orElse("?"),
                        t.issuedAt(), t.expiresAt(), t.emergencyReason())).toList();
    }

    public record EmergencyAccess(String email, Instant issuedAt, Instant expiresAt, String reason) {
    }

    private PersonSummary owner(UUID userId) {
        Actor me = Actors.current();
        if (userId == null || userId.equals(me.userId())) return store.person(me.userId()).orElseThrow();
        if (!me.is(Role.MSP_ADMIN)) throw new NotFoundException("User " + userId);
        return administration.person(userId);
    }
}
