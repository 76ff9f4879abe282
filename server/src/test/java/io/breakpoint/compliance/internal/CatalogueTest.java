package io.breakpoint.compliance.internal;

import io.breakpoint.compliance.Answer;
import io.breakpoint.compliance.AssessmentView.RiskLevel;
import io.breakpoint.compliance.Control;
import io.breakpoint.compliance.CsfView;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogueTest {

    private final Catalogue catalogue = new Catalogue();

    @Test
    void theCatalogueHoldsEveryStandardAndSpecificationOfTheThreeSections() {
        assertThat(catalogue.controls()).hasSize(54);
        assertThat(catalogue.controls().stream().filter(c -> c.kind() == Control.Kind.STANDARD)).hasSize(18);
        assertThat(catalogue.controls().stream().map(Control::citation))
                .contains("164.308(a)(1)(ii)(A)", "164.308(b)(3)", "164.310(d)(2)(iv)", "164.312(a)(2)(iv)", "164.312(e)(2)(ii)")
                .doesNotHaveDuplicates();
        assertThat(catalogue.control("164.312(a)(2)(iii)").orElseThrow().requirement()).as("automatic logoff").isEqualTo(Control.Requirement.ADDRESSABLE);
        assertThat(catalogue.control("164.312(a)(2)(i)").orElseThrow().requirement()).as("unique user id").isEqualTo(Control.Requirement.REQUIRED);
        assertThat(catalogue.controls()).allSatisfy(c -> {
            assertThat(c.question()).contains("?");
            assertThat(catalogue.control(c.standard())).as("the standard of " + c.citation()).isPresent();
        });
    }

    @Test
    void theCsfMappingCoversSixFunctionsAndTwentyTwoCategories() {
        assertThat(catalogue.csf()).hasSize(22);
        assertThat(catalogue.csf().stream().map(Catalogue.CsfCategory::function).collect(Collectors.toSet()))
                .isEqualTo(Set.of("GOVERN", "IDENTIFY", "PROTECT", "DETECT", "RESPOND", "RECOVER"));
    }

    @Test
    void riskIsLikelihoodTimesImpactInThreeBands() {
        assertThat(Scoring.risk(3, null)).isNull();
        assertThat(Scoring.level(Scoring.risk(3, 5))).isEqualTo(RiskLevel.HIGH);
        assertThat(Scoring.level(Scoring.risk(2, 4))).isEqualTo(RiskLevel.MEDIUM);
        assertThat(Scoring.level(Scoring.risk(1, 5))).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void aCategoryScoresItsAnswersAndLeavesOutWhatDoesNotApply() {
        Map<String, Answer> answers = new HashMap<>();
        answers.put("164.308(b)(1)", Answer.YES);
        answers.put("164.308(b)(3)", Answer.PARTIAL);
        answers.put("164.308(a)(4)(ii)(A)", Answer.NOT_APPLICABLE);
        CsfView v = Scoring.csf(UUID.randomUUID(), catalogue.csf(), answers);
        CsfView.Category supplyChain = v.functions().get(0).categories().stream().filter(c -> c.id().equals("GV.SC")).findFirst().orElseThrow();
        assertThat(supplyChain.percent()).isEqualTo(75.0);
        CsfView.Category detect = v.functions().get(3).categories().get(0);
        assertThat(detect.percent()).as("nothing answered").isNull();
    }
}
