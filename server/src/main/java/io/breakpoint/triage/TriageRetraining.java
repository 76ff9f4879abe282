package io.breakpoint.triage;

import io.breakpoint.triage.internal.Retraining;
import io.breakpoint.triage.internal.TriageModels;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -jar breakpoint-server.jar triage retrain}: trains on the corpus plus engineers' corrections and puts
 * the new model in use only if it is not worse on the held-out split (docs/decisions/0011). Running servers pick
 * it up within a minute.
 */
public final class TriageRetraining {

    public static final String USAGE = """
            Usage: java -jar breakpoint-server.jar triage retrain
              Trains on the shipped corpus plus engineers' corrections; the new model replaces the one in use only if it
              is not worse on the held-out split (category accuracy, tier accuracy, P1 recall).""";

    private TriageRetraining() {
    }

    /** Parses the arguments; returns a message for the user, or null when they are fine. */
    public static String check(String[] args) {
        return args.length == 2 && "retrain".equals(args[1]) ? null : USAGE;
    }

    /** Exit code 0: the new model is in use; 3: refused (the model in use stays); 2: triage is switched off. */
    public static int run(ConfigurableApplicationContext context, PrintStream out) {
        if (context.getBeanNamesForType(AutomaticTriage.class).length == 0) {
            out.println("Automatic triage is switched off (breakpoint.triage.enabled=false); nothing to retrain.");
            return 2;
        }
        Retraining.Result r = context.getBean(Retraining.class).retrain("COMMAND");
        out.printf(Locale.ROOT, "Retrained on %d corpus tickets and %d corrections.%n", r.corpusExamples(), r.correctionExamples());
        out.println("  candidate:    " + r.candidate().describe());
        out.println("  model in use: " + r.was().describe());
        out.println(r.inUse() ? "Put in use (run #" + r.runId() + "); running servers switch to it within a minute."
                : "Refused (run #" + r.runId() + "): the candidate is worse on the held-out split; the model in use stays.");
        return r.inUse() ? 0 : 3;
    }

    /** The latest retrainings, newest first (for the command's and tests' reports). */
    public static List<TriageModels.Run> history(ConfigurableApplicationContext context, int limit) {
        return context.getBean(TriageModels.class).latest(limit);
    }
}
