package io.breakpoint.compliance;

import io.breakpoint.WebSession;
import io.breakpoint.testing.Api;
import io.breakpoint.testing.Api.Response;
import io.breakpoint.testing.ApiTest;
import io.breakpoint.testing.Clinics;
import io.breakpoint.testing.OnH2;
import io.breakpoint.testing.OnPostgres;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The compliance workspace through its API and pages, as a practice manager, the vCIO and the others would use it. */
abstract class ComplianceApiTest extends ApiTest {

    private static final String C = "/api/v1/compliance";

    /** A new assessment of Riverbend in progress (an earlier one, of another test, is completed first). */
    private JsonNode freshAssessment(Clinics.Person who) {
        Api.Caller as = api.as(who);
        JsonNode history = as.get(C + "/organizations/" + clinics.riverbend() + "/assessments").expect(200);
        if (!history.isEmpty() && history.get(0).path("status").asString().equals("IN_PROGRESS")) {
            as.post(C + "/assessments/" + history.get(0).path("id").asString() + "/complete", null).expect(200);
        }
        return as.post(C + "/organizations/" + clinics.riverbend() + "/assessments", null).expect(201);
    }

    private static Map<String, Object> answer(String citation, String answer, int likelihood, int impact) {
        Map<String, Object> m = new HashMap<>();
        m.put("citation", citation);
        m.put("answer", answer);
        m.put("evidence", "Evidence for " + citation);
        m.put("owner", "Priya Grant");
        m.put("likelihood", likelihood);
        m.put("impact", impact);
        return m;
    }

    @Test
    void aPracticeManagerAssessesEveryCitationOfTheSecurityRule() {
        JsonNode a = freshAssessment(clinics.grant());
        assertThat(a.path("items").size()).as("standards and implementation specifications of 164.308/310/312").isEqualTo(54);
        String at = C + "/assessments/" + a.path("id").asString();

        JsonNode after = api.as(clinics.grant()).post(at + "/answers", answer("164.312(d)", "PARTIAL", 4, 5)).expect(200);
        JsonNode item = item(after, "164.312(d)");
        assertThat(item.path("answer").asString()).isEqualTo("PARTIAL");
        assertThat(item.path("requirement").asString()).isEqualTo("REQUIRED");
        assertThat(item.path("risk").asInt()).isEqualTo(20);
        assertThat(item.path("riskLevel").asString()).isEqualTo("HIGH");
        assertThat(item.path("owner").asString()).isEqualTo("Priya Grant");
        api.as(clinics.grant()).post(at + "/answers", answer("164.312(a)(2)(iii)", "YES", 1, 2)).expect(200);
        JsonNode scored = api.as(clinics.grant()).get(at).expect(200);
        assertThat(scored.path("score").path("answered").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(item(scored, "164.312(a)(2)(iii)").path("requirement").asString()).isEqualTo("ADDRESSABLE");

        JsonNode planned = api.as(clinics.grant()).post(at + "/remediations", Map.of("citation", "164.312(d)",
                "action", "Enrol every account in MFA", "owner", "Sam Hale", "dueOn", "2027-02-01")).expect(201);
        assertThat(planned.path("remediations").toString()).contains("Enrol every account in MFA");
    }

    @Test
    void aNewAssessmentStartsFromTheLastAndShowsWhatChanged() {
        JsonNode first = freshAssessment(clinics.dan());
        String at = C + "/assessments/" + first.path("id").asString();
        api.as(clinics.dan()).post(at + "/answers", answer("164.308(a)(7)(ii)(D)", "NO", 4, 5)).expect(200);
        api.as(clinics.dan()).post(at + "/remediations", Map.of("citation", "164.308(a)(7)(ii)(D)", "action", "Test a restore",
                "dueOn", "2027-01-15")).expect(201);
        api.as(clinics.dan()).post(at + "/complete", null).expect(200);
        assertThat(api.as(clinics.dan()).post(at + "/answers", answer("164.308(a)(7)(ii)(D)", "YES", 1, 5)).status())
                .as("a completed assessment stays as it was").isEqualTo(409);

        JsonNode second = api.as(clinics.dan()).post(C + "/organizations/" + clinics.riverbend() + "/assessments", null).expect(201);
        assertThat(second.path("previousId").asString()).isEqualTo(first.path("id").asString());
        assertThat(item(second, "164.308(a)(7)(ii)(D)").path("answer").asString()).as("answers carry over").isEqualTo("NO");
        assertThat(second.path("remediations").toString()).as("open steps carry over").contains("Test a restore");
        assertThat(api.as(clinics.dan()).post(C + "/organizations/" + clinics.riverbend() + "/assessments", null).status())
                .as("one assessment in progress at a time").isEqualTo(409);

        String next = C + "/assessments/" + second.path("id").asString();
        api.as(clinics.dan()).post(next + "/answers", answer("164.308(a)(7)(ii)(D)", "YES", 1, 5)).expect(200);
        JsonNode comparison = api.as(clinics.dan()).get(next + "/comparison").expect(200);
        assertThat(comparison.path("previousNumber").asInt()).isEqualTo(first.path("number").asInt());
        assertThat(comparison.path("changes")).as("only what changed since the first").hasSize(1);
        assertThat(comparison.path("changes").get(0).path("citation").asString()).isEqualTo("164.308(a)(7)(ii)(D)");
        assertThat(comparison.path("changes").get(0).path("before").asString()).isEqualTo("NO");
        assertThat(comparison.path("changes").get(0).path("after").asString()).isEqualTo("YES");

        JsonNode history = api.as(clinics.grant()).get(C + "/organizations/" + clinics.riverbend() + "/assessments").expect(200);
        assertThat(history.get(0).path("id").asString()).as("newest first").isEqualTo(second.path("id").asString());
    }

    @Test
    void theCsfViewHasSixFunctionsAndTwentyTwoCategoriesFromTheSameAnswers() {
        JsonNode a = freshAssessment(clinics.grant());
        String at = C + "/assessments/" + a.path("id").asString();
        api.as(clinics.grant()).post(at + "/answers", answer("164.308(a)(1)(ii)(A)", "YES", 1, 1)).expect(200);
        JsonNode csf = api.as(clinics.grant()).get(at + "/csf").expect(200);
        assertThat(csf.path("functions")).hasSize(6);
        int categories = 0;
        for (JsonNode f : csf.path("functions")) categories += f.path("categories").size();
        assertThat(categories).isEqualTo(22);
        JsonNode identify = csf.path("functions").get(1);
        assertThat(identify.path("name").asString()).isEqualTo("IDENTIFY");
        JsonNode riskAssessment = identify.path("categories").get(1);
        assertThat(riskAssessment.path("id").asString()).isEqualTo("ID.RA");
        assertThat(riskAssessment.path("percent").asDouble()).as("risk analysis answered yes").isEqualTo(100.0);
    }

    @Test
    void theReportRendersAsHtmlAndPdfWithTheOrganizationsAnswers() throws Exception {
        JsonNode a = freshAssessment(clinics.grant());
        String at = C + "/assessments/" + a.path("id").asString();
        Map<String, Object> tricky = answer("164.310(b)", "YES", 1, 2);
        tricky.put("evidence", "Screens face away <b>from</b> the waiting room — “privacy filters” ✓");
        api.as(clinics.grant()).post(at + "/answers", tricky).expect(200);

        Response html = api.as(clinics.grant()).get(at + "/report");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).contains("Riverbend Health", "Workstation use", "NIST CSF 2.0", "Self-audit")
                .contains("Screens face away &lt;b&gt;from&lt;/b&gt;").doesNotContain("<b>from</b>");

        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + at + "/report.pdf"))
                .header("Authorization", "Bearer " + api.signIn(clinics.grant().email(), Clinics.PASSWORD)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Riverbend Health", "HIPAA Security Rule assessment", "Screens face away <b>from</b> the waiting room");
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
        }
        JsonNode audit = api.as(clinics.grant()).get("/api/v1/audit?organizationId=" + clinics.riverbend() + "&limit=50").expect(200);
        assertThat(audit.toString()).as("exports are audited").contains("COMPLIANCE_REPORT_EXPORTED");
    }

    @Test
    void theSelfAuditAndEvidenceSayWhatIsMeasuredAndWhatIsNotYet() {
        JsonNode audit = api.as(clinics.grant()).get(C + "/organizations/" + clinics.riverbend() + "/self-audit").expect(200);
        assertThat(audit.path("checks")).hasSize(4);
        assertThat(audit.path("checks").get(0).path("question").asString()).isEqualTo("Does the EMR lag only at a specific time of day?");
        assertThat(audit.path("checks").get(0).path("verdict").asString()).isEqualTo("NOT_MEASURED");
        assertThat(audit.path("result").asString()).isNotBlank();
        JsonNode evidence = api.as(clinics.grant()).get(C + "/organizations/" + clinics.riverbend() + "/evidence").expect(200);
        Map<String, String> verdicts = new HashMap<>();
        evidence.path("findings").forEach(f -> verdicts.put(f.path("key").asString(), f.path("verdict").asString()));
        assertThat(verdicts).containsKeys("mfa", "audit-integrity", "unsupported-os", "disk-encryption", "segmentation", "response-times");
        assertThat(verdicts.get("mfa")).as("the sign-in reports MFA coverage").isNotEqualTo("NOT_MEASURED");
        assertThat(verdicts.get("audit-integrity")).as("audit verify reports the chain").isNotEqualTo("NOT_MEASURED");
    }

    @Test
    void theProviderGuaranteeAnswersTheFourthQuestion() {
        JsonNode a = freshAssessment(clinics.grant());
        api.as(clinics.grant()).post(C + "/assessments/" + a.path("id").asString() + "/answers",
                Map.of("citation", "PROVIDER-GUARANTEE", "answer", "NO")).expect(200);
        JsonNode audit = api.as(clinics.grant()).get(C + "/organizations/" + clinics.riverbend() + "/self-audit").expect(200);
        assertThat(audit.path("checks").get(3).path("verdict").asString()).isEqualTo("AT_RISK");
    }

    @Test
    void onlyPracticeManagersTheVcioAndMspAdminsUseIt() {
        for (Clinics.Person p : new Clinics.Person[]{clinics.ellis(), clinics.hale(), clinics.ava(), clinics.cara()}) {
            Response r = api.as(p).get(C + "/organizations/" + clinics.riverbend() + "/assessments");
            assertThat(r.status()).as(p.role().name()).isEqualTo(403);
            assertThat(r.isProblem()).isTrue();
        }
        assertThat(api.as(clinics.mspAdmin()).get(C + "/organizations/" + clinics.riverbend() + "/assessments").status()).isEqualTo(200);
    }

    @Test
    void anotherOrganizationsAssessmentAnswersLikeOneThatDoesNotExist() {
        JsonNode a = freshAssessment(clinics.grant());
        String id = a.path("id").asString();
        Response foreign = api.as(clinics.jones()).get(C + "/assessments/" + id);
        Response none = api.as(clinics.jones()).get(C + "/assessments/" + UUID.randomUUID());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(none.status()).isEqualTo(404);
        assertThat(api.as(clinics.jones()).post(C + "/assessments/" + id + "/answers", answer("164.312(d)", "NO", 5, 5)).status()).isEqualTo(404);
        assertThat(api.as(clinics.jones()).post(C + "/organizations/" + clinics.riverbend() + "/assessments", null).status()).isEqualTo(404);
        assertThat(api.as(clinics.grant()).get(C + "/assessments/" + id).expect(200).path("items")).isEqualTo(a.path("items"));
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        JsonNode a = freshAssessment(clinics.grant());
        String at = C + "/assessments/" + a.path("id").asString();
        Api.Caller grant = api.as(clinics.grant());
        assertProblem(grant.post(at + "/answers", answer("164.312(d)", "YES", 7, 1)), 400, "likelihood");
        assertProblem(grant.post(at + "/answers", answer("164.312(d)", "YES", 1, 0)), 400, "impact");
        assertThat(grant.post(at + "/answers", answer("999.1(z)", "YES", 1, 1)).status()).isEqualTo(404);
        assertThat(grant.post(at + "/answers", "{\"citation\":\"164.312(d)\",\"answer\":\"MAYBE\"}").status()).isEqualTo(400);
        Map<String, Object> longEvidence = answer("164.312(d)", "YES", 1, 1);
        longEvidence.put("evidence", "x".repeat(4001));
        assertProblem(grant.post(at + "/answers", longEvidence), 400, "evidence");
        assertProblem(grant.post(at + "/remediations", Map.of("citation", "164.312(d)", "action", "Do it")), 400, "dueOn");
        assertProblem(grant.post(at + "/remediations", Map.of("citation", "nope", "action", "Do it", "dueOn", "2027-01-01")), 400, "citation");
        assertThat(grant.post(at + "/remediations", "{\"citation\":\"164.312(d)\",\"action\":\"x\",\"dueOn\":\"31/01/2027\"}").status()).isEqualTo(400);
        assertThat(grant.get(C + "/assessments/not-an-id").status()).isEqualTo(400);
        JsonNode after = grant.get(at).expect(200);
        assertThat(after.path("items")).isEqualTo(a.path("items"));
        assertThat(after.path("remediations")).isEqualTo(a.path("remediations"));
    }

    @Test
    void thePagesLetAPracticeManagerAnswerAndOpenTheReport() {
        JsonNode a = freshAssessment(clinics.grant());
        String id = a.path("id").asString();
        WebSession web = WebSession.signIn("http://127.0.0.1:" + port, clinics.grant().email(), Clinics.PASSWORD);
        WebSession.Page org = web.get("/compliance/organizations/" + clinics.riverbend());
        assertThat(org.status()).isEqualTo(200);
        assertThat(org.text()).contains("Self-audit", "How long until a human answers?", "Assessment " + a.path("number").asInt());
        WebSession.Page page = web.get("/compliance/assessments/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Unique user identification", "GOVERN", "Your provider");
        WebSession.Page saved = web.post("/compliance/assessments/" + id + "/answers", "citation", "164.312(a)(2)(i)",
                "answer", "YES", "evidence", "Every account is personal", "owner", "", "likelihood", "", "impact", "3");
        assertThat(saved.status()).isEqualTo(302);
        assertThat(web.get("/compliance/assessments/" + id).html()).contains("Every account is personal");
        WebSession.Page row = web.postWith(Map.of("HX-Request", "true"), "/compliance/assessments/" + id + "/answers",
                "citation", "164.312(a)(2)(iii)", "answer", "PARTIAL", "evidence", "Locks after 15 minutes on exam-room PCs only",
                "likelihood", "3", "impact", "3");
        assertThat(row.status()).as("htmx swaps the question in place").isEqualTo(200);
        assertThat(row.html()).contains("Saved", "Locks after 15 minutes on exam-room PCs only", "risk 9 medium").doesNotContain("<html");
        WebSession.Page refused = web.postWith(Map.of("HX-Request", "true"), "/compliance/assessments/" + id + "/answers",
                "citation", "164.312(a)(2)(iii)", "answer", "YES", "likelihood", "9");
        assertThat(refused.status()).isEqualTo(400);
        WebSession.Page report = web.get("/compliance/assessments/" + id + "/report");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.text()).contains("Riverbend Health", "Every account is personal");
        WebSession requester = WebSession.signIn("http://127.0.0.1:" + port, clinics.ellis().email(), Clinics.PASSWORD);
        assertThat(requester.get("/compliance/assessments/" + id).status()).isEqualTo(403);
    }

    private static void assertProblem(Response r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.isProblem()).as(r.contentType()).isTrue();
        assertThat(r.body()).contains(field);
    }

    private static JsonNode item(JsonNode assessment, String citation) {
        for (JsonNode i : assessment.path("items")) if (i.path("citation").asString().equals(citation)) return i;
        throw new AssertionError("no item " + citation);
    }
}

@OnH2
class ComplianceApiOnH2Test extends ComplianceApiTest {
}

@OnPostgres
class ComplianceApiOnPostgresTest extends ComplianceApiTest {
}
