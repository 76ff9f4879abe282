package io.breakpoint.triage.internal;

import io.breakpoint.tickets.Category;
import io.breakpoint.tickets.Impact;
import io.breakpoint.tickets.Priority;
import io.breakpoint.triage.Assessment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules around the classifier, one behaviour at a time, without Spring. */
class TriageRulesTest {

    private final TriageEngine engine = new TriageEngine(ShippedModel.classifier(), TriageEngine.DEFAULT_THRESHOLD);

    private Assessment triage(String subject, String description) {
        return engine.assess(subject, description, null, null);
    }

    @Test
    void emptyTextGoesToTierOneForAHuman() {
        Assessment a = triage("", "  ");
        assertThat(a.dispatched()).isTrue();
        assertThat(a.tier()).isEqualTo(1);
        assertThat(a.confidence()).isZero();
        assertThat(a.reasons()).anyMatch(r -> r.contains("a human should triage"));
        assertThat(triage(null, null).tier()).isEqualTo(1);
    }

    @Test
    void aTwentyThousandCharacterPasteIsTriagedFromItsWords() {
        String log = "ERROR 0x80070005 at module ntdll.dll stack frame ".repeat(420);
        String text = "There's a note on my screen saying our files are encrypted and to pay bitcoin. " + log;
        Assessment a = triage("weird note on screen", text.substring(0, 20_000));
        assertThat(a.category()).isEqualTo(Category.SECURITY_INCIDENT);
        assertThat(a.priority()).isEqualTo(Priority.P1);
        // the security words come late: the rules read the whole text, not only what the classifier reads
        Assessment late = triage("computer acting up", log + " and now a ransomware note is on the screen");
        assertThat(late.category()).isEqualTo(Category.SECURITY_INCIDENT);
        assertThat(late.priority()).isEqualTo(Priority.P1);
    }

    @Test
    void spanishTicketsAreUnderstood() {
        Assessment outage = triage("sin internet", "No hay internet en toda la clínica, nadie puede trabajar");
        assertThat(outage.category()).isEqualTo(Category.NETWORK_CONNECTIVITY);
        assertThat(outage.tier()).isEqualTo(2);
        assertThat(outage.priority()).isEqualTo(Priority.P1);
        Assessment stolen = triage("laptop", "Me robaron la laptop del trabajo del carro anoche");
        assertThat(stolen.category()).isEqualTo(Category.SECURITY_INCIDENT);
        assertThat(stolen.priority()).isEqualTo(Priority.P1);
        Assessment password = triage("no puedo entrar", "Olvidé mi contraseña y tengo pacientes esperando");
        assertThat(password.category()).isEqualTo(Category.ACCOUNT_ACCESS);
        assertThat(password.priority()).isEqualTo(Priority.P2);
    }

    @Test
    void aCalmPhishingReportIsAnActiveIncident() {
        Assessment a = triage("question about an email", "got an odd email, clicked it, then typed my password. probably nothing");
        assertThat(a.category()).isEqualTo(Category.SECURITY_INCIDENT);
        assertThat(a.tier()).isEqualTo(3);
        assertThat(a.priority()).isEqualTo(Priority.P1);
        assertThat(a.dispatched()).isFalse();
        assertThat(a.reasons()).anyMatch(r -> r.contains("→ SECURITY_INCIDENT, active: P1"));
    }

    @Test
    void aPhishingEmailNobodyOpenedIsReportedNotActive() {
        Assessment a = triage("fyi phishing", "Got a phishing email pretending to be our bank, I did not click anything, deleted it");
        assertThat(a.category()).isEqualTo(Category.SECURITY_INCIDENT);
        assertThat(a.priority()).isEqualTo(Priority.P3);
    }

    @Test
    void ransomwareIsNamedInTheReasons() {
        Assessment a = triage("help", "ransomware message on the front desk computer");
        assertThat(a.priority()).isEqualTo(Priority.P1);
        assertThat(a.reasons()).anyMatch(r -> r.contains("'ransomware' → SECURITY_INCIDENT"));
    }

    @Test
    void oneLaptopOffTheNetworkIsTierOneButTheWholeSiteIsTierTwoP1() {
        Assessment one = triage("wifi", "my laptop won't connect to the wifi, the other computers are fine");
        assertThat(one.category()).isEqualTo(Category.NETWORK_CONNECTIVITY);
        assertThat(one.tier()).isEqualTo(1);
        assertThat(one.priority()).isEqualTo(Priority.P3);
        Assessment site = triage("internet down", "The internet is down for the whole clinic, nothing loads");
        assertThat(site.category()).isEqualTo(Category.NETWORK_CONNECTIVITY);
        assertThat(site.tier()).isEqualTo(2);
        assertThat(site.priority()).isEqualTo(Priority.P1);
        assertThat(site.reasons()).anyMatch(r -> r.contains("whole clinic'") && r.contains("→ site-wide"));
    }

    @Test
    void misleadingTicketsAreRoutedByWhatIsReallyWrong() {
        Assessment laptop = triage("EMR slow", "Epic is slow but only on my old laptop, other computers are fine");
        assertThat(laptop.category()).isEqualTo(Category.ENDPOINT_HARDWARE);
        assertThat(laptop.tier()).isEqualTo(1);
        Assessment login = triage("can't log in", "Nobody can log in to anything, I think the internet is down");
        assertThat(login.category()).isEqualTo(Category.NETWORK_CONNECTIVITY);
        assertThat(login.priority()).isEqualTo(Priority.P1);
    }

    @Test
    void oneClinicianBlockedWithPatientsWaitingIsP2() {
        Assessment a = triage("can't send rx", "Getting an error sending prescriptions to the pharmacy, patient is waiting");
        assertThat(a.category()).isEqualTo(Category.EMR_APPLICATION);
        assertThat(a.priority()).isEqualTo(Priority.P2);
        assertThat(engine.assess("can't send rx", "Getting an error sending prescriptions to the pharmacy", null, Impact.PATIENTS_WAITING)
                .priority()).isEqualTo(Priority.P2);
    }

    @Test
    void requestsAreP4() {
        Assessment a = triage("new hire", "New MA starting Monday, needs Epic, email and a badge");
        assertThat(a.category()).isEqualTo(Category.SERVICE_REQUEST);
        assertThat(a.tier()).isEqualTo(1);
        assertThat(a.priority()).isEqualTo(Priority.P4);
    }

    @Test
    void theRequestersCategoryIsAHintNotTheTruth() {
        Assessment a = engine.assess("printer", "there's a message saying our files are encrypted, pay bitcoin", Category.PRINTING_SCANNING, null);
        assertThat(a.category()).isEqualTo(Category.SECURITY_INCIDENT);
        assertThat(a.reasons()).anyMatch(r -> r.contains("counted as a hint"));
    }

    @Test
    void theRequesterSayingWholeSiteRaisesScope() {
        Assessment a = engine.assess("phones", "phones have no dial tone", null, Impact.WHOLE_SITE);
        assertThat(a.priority()).isEqualTo(Priority.P1);
    }

    @Test
    void vagueTicketsGoToTierOneForAHuman() {
        Assessment a = triage("help", "not sure what happened");
        assertThat(a.dispatched()).isTrue();
        assertThat(a.tier()).isEqualTo(1);
        assertThat(a.reasons()).anyMatch(r -> r.contains("dispatch"));
        assertThat(new TriageEngine(ShippedModel.classifier(), 0.0).assess("help", "not sure what happened", null, null).dispatched()).isFalse();
    }

    @Test
    void theThresholdMustBeAProbability() {
        assertThatThrownBy(() -> new TriageEngine(ShippedModel.classifier(), 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
