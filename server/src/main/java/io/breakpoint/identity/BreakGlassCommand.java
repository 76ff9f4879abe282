package io.breakpoint.identity;

import io.breakpoint.common.Channel;
import io.breakpoint.identity.internal.ApiTokens;
import io.breakpoint.identity.internal.IdentityStore;
import io.breakpoint.identity.internal.SignIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Emergency access (HIPAA 164.312(a)(2)(ii)), see docs/break-glass.md: {@code break-glass --email E --reason "..."
 * [--minutes 60] [--reset-mfa]} issues a short-lived API token for an existing, enabled person without their second
 * factor, for when the normal way in is unavailable (lost phones, locked accounts during an outage). It needs shell
 * access to the server and its database; it is audited, logged at WARN and listed on the admin page while it lives.
 */
public final class BreakGlassCommand {

    static final int MAX_MINUTES = 240;
    private static final Logger log = LoggerFactory.getLogger(BreakGlassCommand.class);

    public static final String USAGE = """
            Usage: java -jar breakpoint-server.jar break-glass --email EMAIL --reason "why" [--minutes 60] [--reset-mfa yes]
              Issues an emergency API token (at most 240 minutes) for an existing person, without MFA. Loudly audited.
              --reset-mfa yes also removes their authenticator app, so they can enrol a new one at the next web sign-in.""";

    private BreakGlassCommand() {
    }

    public static String check(String[] args) {
        Map<String, String> o = options(args);
        if (o == null || !o.containsKey("email") || !o.containsKey("reason")) return USAGE;
        String reason = o.get("reason").strip();
        if (reason.length() < 10 || reason.length() > 500) return "Give the reason in 10 to 500 characters; it goes into the audit trail.";
        try {
            int minutes = Integer.parseInt(o.getOrDefault("minutes", "60"));
            if (minutes < 1 || minutes > MAX_MINUTES) return "--minutes must be from 1 to " + MAX_MINUTES + ".";
        } catch (NumberFormatException e) {
            return "--minutes must be a number.";
        }
        return null;
    }

    public static int run(ConfigurableApplicationContext context, String[] args, PrintStream out) {
        Map<String, String> o = options(args);
        String email = o.get("email").strip();
        String reason = o.get("reason").strip();
        Duration lifetime = Duration.ofMinutes(Integer.parseInt(o.getOrDefault("minutes", "60")));
        boolean resetMfa = "yes".equals(o.get("reset-mfa"));
        IdentityStore store = context.getBean(IdentityStore.class);
        var account = store.accountByEmail(email).filter(a -> a.person().enabled());
        if (account.isEmpty()) {
            out.println("No enabled account with the email " + email + ".");
            return 2;
        }
        PersonSummary person = account.get().person();
        ApiTokens.Issued[] issued = new ApiTokens.Issued[1];
        Channel.runAs(Channel.CLI, () -> context.getBean(TransactionTemplate.class).executeWithoutResult(s -> {
            if (resetMfa) context.getBean(SignIn.class).reset(store.actorOf(person), person);
            issued[0] = context.getBean(ApiTokens.class).issue(person, lifetime, "BREAK-GLASS: " + reason);
        }));
        log.warn("BREAK-GLASS: emergency token issued for {} until {} (reason: {}){}", email, issued[0].expiresAt(), reason,
                resetMfa ? "; MFA reset" : "");
        out.println("EMERGENCY ACCESS for " + email + " until " + issued[0].expiresAt() + " (audited, shown to every MSP admin):");
        out.println(issued[0].token());
        out.println("Use it as 'Authorization: Bearer <token>' against /api/v1; revoke it with DELETE /api/v1/auth/tokens/{id} when done.");
        return 0;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) return null;
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }
}
