package io.breakpoint.audit;

import io.breakpoint.audit.internal.ChainSealer;
import io.breakpoint.audit.internal.ChainVerifier;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintStream;

/**
 * {@code audit verify}: walks the whole audit chain and prints whether it is intact or where it first breaks.
 * Exit code 0 when intact, 1 when broken.
 */
public final class AuditCommand {

    public static final String USAGE = "Usage: java -jar breakpoint-server.jar audit verify";

    private AuditCommand() {
    }

    /** Returns a message for the user when the arguments are wrong, else null. */
    public static String check(String[] args) {
        return args.length == 2 && "verify".equals(args[1]) ? null : USAGE;
    }

    public static int run(ConfigurableApplicationContext context, PrintStream out) {
        int sealed = context.getBean(ChainSealer.class).sealPending();
        if (sealed > 0) out.println("Sealed " + sealed + " records written since the server last sealed.");
        ChainReport r = context.getBean(ChainVerifier.class).verify();
        if (r.intact()) {
            out.println("Audit chain intact: " + r.records() + " records, #1 to #" + r.lastSeq() + ".");
            out.println("Last hash: " + r.lastHash());
            return 0;
        }
        ChainReport.Break b = r.firstBreak();
        out.println("Audit chain BROKEN at record #" + b.seq()
                + (b.recordId() == null ? "" : " (id " + b.recordId() + ")")
                + (b.at() == null ? "" : ", recorded at " + b.at()) + ":");
        out.println("  " + b.problem());
        out.println(r.records() + " records before it are intact.");
        return 1;
    }
}
