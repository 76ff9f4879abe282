package io.breakpoint.identity;

import io.breakpoint.common.Channel;
import io.breakpoint.common.ConflictException;
import io.breakpoint.common.InvalidRequestException;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code admin create --email E --role MSP_ADMIN [--name N] [--msp "Gateway Health IT"]}: creates the first MSP
 * admin of a fresh install. The password is read from standard input (without echo on a terminal).
 */
public final class AdminCommand {

    public static final String USAGE = """
            Usage: java -jar breakpoint-server.jar admin create --email EMAIL --role MSP_ADMIN [--name "Full Name"] [--msp "MSP name"]
              The password is read from standard input (at least 12 characters).""";

    private AdminCommand() {
    }

    /** Parses the arguments; returns a message for the user, or null when they are fine. */
    public static String check(String[] args) {
        if (args.length < 2 || !"create".equals(args[1])) return USAGE;
        Map<String, String> o = options(args);
        if (o == null || !o.containsKey("email") || !o.containsKey("role")) return USAGE;
        if (!Role.MSP_ADMIN.name().equals(o.get("role"))) {
            return "Only the first MSP_ADMIN is created here; sign in as them to add everyone else.";
        }
        return null;
    }

    public static int run(ConfigurableApplicationContext context, String[] args, PrintStream out) throws IOException {
        Map<String, String> o = options(args);
        String email = o.get("email");
        String name = o.getOrDefault("name", email.substring(0, Math.max(1, email.indexOf('@'))));
        String msp = o.getOrDefault("msp", "Managed Service Provider");
        String password = readPassword(out);
        int[] rc = {0};
        Channel.runAs(Channel.CLI, () -> {
            try {
                context.getBean(Administration.class).bootstrap(msp, email, name, password);
                out.println("Created MSP admin " + email + ". Start the server and sign in.");
            } catch (InvalidRequestException | ConflictException e) {
                out.println("Not created: " + e.getMessage());
                rc[0] = 2;
            }
        });
        return rc[0];
    }

    private static String readPassword(PrintStream out) throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] pw = console.readPassword("Password for the new admin: ");
            return pw == null ? "" : new String(pw);
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? "" : line;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 2; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) return null;
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }
}
