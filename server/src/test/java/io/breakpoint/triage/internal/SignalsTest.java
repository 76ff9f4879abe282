package io.breakpoint.triage.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules' quick search finds what the plain search finds, in every ticket of the corpus. */
class SignalsTest {

    @Test
    void theQuickSearchFindsTheSamePhraseAsThePlainOneInEveryCorpusTicket() {
        Corpus corpus = Corpus.shipped();
        List<LabelledTicket> all = new ArrayList<>(corpus.train());
        all.addAll(corpus.heldOut());
        assertThat(Signals.ALL).hasSizeGreaterThan(15);
        int found = 0;
        for (LabelledTicket t : all) {
            String text = TicketText.of(t.subject(), t.description()).padded();
            for (Signals.Words w : Signals.ALL) {
                String plain = w.firstByScan(text);
                assertThat(w.first(text)).as("%s in: %s", w, text).isEqualTo(plain);
                if (plain != null) found++;
            }
        }
        assertThat(found).as("phrases found across the corpus").isGreaterThan(all.size());
    }

    @Test
    void phrasesAtTheEdgesOfTheTextAndAfterOddCharactersAreFound() {
        for (String raw : List.of("ransomware", "we got ransomware", "ransomware on screen", "  virus  ", "pc 3 infected",
                "ünïcode before virus", "日本語 virus", "the whole clinic", "2 of us", "12 people are waiting")) {
            String text = TicketText.of(raw, "").padded();
            for (Signals.Words w : Signals.ALL) assertThat(w.first(text)).as(text).isEqualTo(w.firstByScan(text));
        }
    }
}
