package io.breakpoint.identity.internal;

import io.breakpoint.common.SealedSecrets;
import io.breakpoint.common.SecretBox;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/** The TOTP secrets, for key rotation ({@code secrets rotate}). Each is sealed with its user's id as context. */
@Component
class MfaSecrets implements SealedSecrets {

    private final SignInStore store;
    private final SecretBox current;

    MfaSecrets(SignInStore store, SecretBox current) {
        this.store = store;
        this.current = current;
    }

    @Override
    public String what() {
        return "TOTP secrets";
    }

    @Override
    @Transactional
    public int reseal(SecretBox box) {
        int n = 0;
        for (UUID user : store.usersWithMfa()) {
            String sealed = store.mfa(user).orElseThrow().sealedSecret();
            String context = user.toString();
            // The rotation box holds the current key too, so it opens what the current key sealed.
            store.reseal(user, box.seal(box.open(sealed, context), context));
            n++;
        }
        return n;
    }
}
