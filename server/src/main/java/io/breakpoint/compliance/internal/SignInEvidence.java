package io.breakpoint.compliance.internal;

import io.breakpoint.compliance.EvidenceSources;
import io.breakpoint.identity.AccountSecurity;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** MFA coverage from the sign-in (identity's public API): the organization's enabled people and how many use a second factor. */
@Component
public class SignInEvidence implements EvidenceSources.MfaCoverage {

    private final AccountSecurity accounts;

    SignInEvidence(AccountSecurity accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<Coverage> of(UUID organizationId) {
        AccountSecurity.MfaCoverage c = accounts.mfaCoverage(organizationId);
        return Optional.of(new Coverage(c.people(), c.enrolled()));
    }
}
