package io.breakpoint.common;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.PrintStream;

/**
 * {@code secrets rotate --new-key KEY}: re-encrypts every sealed secret of the desk (all {@link SealedSecrets}) under
 * a new key, in one transaction. Run it with the current key still in BREAKPOINT_SECRETS_KEY, then give every
 * instance the new key (and, until they all have it, the old one in BREAKPOINT_SECRETS_PREVIOUS_KEYS).
 */
public final class SecretsCommand {

    public static final String USAGE = """
            Usage: java -jar breakpoint-server.jar secrets rotate --new-key BASE64_KEY
              Re-encrypts all stored secrets (TOTP secrets, ...) with the new key (32 random bytes, base64:
              openssl rand -base64 32). BREAKPOINT_SECRETS_KEY must still hold the current key.""";

    private SecretsCommand() {
    }

    public static String check(String[] args) {
        if (args.length != 4 || !"rotate".equals(args[1]) || !"--new-key".equals(args[2])) return USAGE;
        return null;
    }

    public static int run(ConfigurableApplicationContext context, String[] args, PrintStream out) {
        SecretBox current = context.getBean(SecretBox.class);
        SecretBox next;
        try {
            next = current.rotatedTo(args[3]);
        } catch (IllegalArgumentException e) {
            out.println("Not rotated: " + e.getMessage());
            return 2;
        }
        if (next.currentKeyId().equals(current.currentKeyId())) {
            out.println("Not rotated: the new key is the current key.");
            return 2;
        }
        int[] total = {0};
        Channel.runAs(Channel.CLI, () -> context.getBean(TransactionTemplate.class).executeWithoutResult(s -> {
            for (SealedSecrets holder : context.getBeansOfType(SealedSecrets.class).values()) {
                int n = holder.reseal(next);
                out.println("Re-encrypted " + n + " " + holder.what() + ".");
                total[0] += n;
            }
        }));
        out.println("Done: " + total[0] + " secrets now use key " + next.currentKeyId() + " (was " + current.currentKeyId()
                + "). Set BREAKPOINT_SECRETS_KEY to the new key on every instance and restart them.");
        return 0;
    }
}
