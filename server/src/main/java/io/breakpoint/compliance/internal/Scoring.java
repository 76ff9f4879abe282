package io.breakpoint.compliance.internal;

import io.breakpoint.compliance.Answer;
import io.breakpoint.compliance.AssessmentView.Item;
import io.breakpoint.compliance.AssessmentView.RiskLevel;
import io.breakpoint.compliance.AssessmentView.Score;
import io.breakpoint.compliance.Control;
import io.breakpoint.compliance.CsfView;

import java.util.*;

/** The arithmetic of an assessment: risk ratings, the overall score and the NIST CSF roll-up. No Spring. */
public final class Scoring {

    private Scoring() {
    }

    /** Likelihood x impact (1-25), or null until both are rated. */
    public static Integer risk(Integer likelihood, Integer impact) {
        return likelihood == null || impact == null ? null : likelihood * impact;
    }

    /** The bands of a 5x5 matrix as HHS's Security Risk Assessment tool uses them: 15+ high, 8-14 medium. */
    public static RiskLevel level(Integer risk) {
        if (risk == null) return null;
        if (risk >= 15) return RiskLevel.HIGH;
        if (risk >= 8) return RiskLevel.MEDIUM;
        return RiskLevel.LOW;
    }

    public static Score score(List<Item> items) {
        int answered = 0, yes = 0, partial = 0, no = 0, na = 0, requiredGaps = 0, highRisks = 0;
        for (Item i : items) {
            Answer a = i.answer();
            if (a != null) answered++;
            if (a == Answer.YES) yes++;
            if (a == Answer.PARTIAL) partial++;
            if (a == Answer.NO) no++;
            if (a == Answer.NOT_APPLICABLE) na++;
            if (i.requirement() == Control.Requirement.REQUIRED && a != Answer.YES && a != Answer.NOT_APPLICABLE) requiredGaps++;
            if (i.riskLevel() == RiskLevel.HIGH) highRisks++;
        }
        return new Score(items.size(), answered, yes, partial, no, na, percent(items.stream().map(Item::answer).toList()),
                requiredGaps, highRisks);
    }

    /**
     * Yes 1, partly 0.5, no and unanswered 0, over the questions that apply; null while none that applies is
     * answered (an empty assessment is "not assessed", not "0%").
     */
    static Double percent(Collection<Answer> answers) {
        double sum = 0;
        int applicable = 0;
        boolean any = false;
        for (Answer a : answers) {
            if (a == Answer.NOT_APPLICABLE) continue;
            applicable++;
            if (a != null) {
                any = true;
                sum += a.score();
            }
        }
        if (!any || applicable == 0) return null;
        return Math.round(1000.0 * sum / applicable) / 10.0;
    }

    public static CsfView csf(UUID assessmentId, List<Catalogue.CsfCategory> categories, Map<String, Answer> answers) {
        Map<String, List<CsfView.Category>> byFunction = new LinkedHashMap<>();
        Map<String, List<Answer>> functionAnswers = new LinkedHashMap<>();
        for (Catalogue.CsfCategory k : categories) {
            List<Answer> of = new ArrayList<>();
            int answered = 0;
            for (String c : k.citations()) {
                Answer a = answers.get(c);
                of.add(a);
                if (a != null) answered++;
            }
            byFunction.computeIfAbsent(k.function(), f -> new ArrayList<>())
                    .add(new CsfView.Category(k.id(), k.name(), k.citations(), answered, percent(of)));
            functionAnswers.computeIfAbsent(k.function(), f -> new ArrayList<>()).addAll(of);
        }
        List<CsfView.Function> functions = new ArrayList<>();
        byFunction.forEach((f, cats) -> functions.add(new CsfView.Function(f, percent(functionAnswers.get(f)), cats)));
        return new CsfView(assessmentId, functions);
    }
}
