package io.breakpoint.compliance.web;

import io.breakpoint.compliance.AssessmentView;
import io.breakpoint.compliance.AssessmentView.Item;
import io.breakpoint.compliance.ComplianceWorkspace.Report;
import io.breakpoint.compliance.CsfView;
import io.breakpoint.compliance.Evidence;
import io.breakpoint.compliance.SelfAudit;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The assessment report as PDF, drawn with PDFBox's standard fonts (no font files to ship). The same content as the
 * HTML report, in reading order: summary, self-audit, desk evidence, NIST CSF, remediation plan, every answer.
 */
final class ReportPdf {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final float MARGIN = 50;
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private ReportPdf() {
    }

    static byte[] render(Report r) {
        AssessmentView a = r.assessment();
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("HIPAA Security Rule assessment " + a.number() + " - " + a.organizationName());
            info.setCreator("Breakpoint");
            Writer w = new Writer(doc);
            w.line(BOLD, 18, "HIPAA Security Rule assessment " + a.number());
            w.line(BOLD, 14, a.organizationName());
            w.line(REGULAR, 10, "Status: " + (a.inProgress() ? "in progress" : "completed " + DAY.format(a.completedAt()))
                    + ". Started " + DAY.format(a.startedAt()) + ". Report generated " + DAY.format(r.generatedAt()) + ".");
            AssessmentView.Score s = a.score();
            w.line(REGULAR, 10, "Score: " + (s.percent() == null ? "not assessed" : s.percent() + "%") + " - " + s.answered() + " of "
                    + s.questions() + " questions answered (" + s.yes() + " yes, " + s.partial() + " partly, " + s.no() + " no, "
                    + s.notApplicable() + " not applicable); " + s.requiredGaps() + " required gaps; " + s.highRisks() + " high risks.");
            if (r.comparison().previousNumber() != null) {
                w.line(REGULAR, 10, "Since assessment " + r.comparison().previousNumber() + " (" + pct(r.comparison().previousPercent())
                        + "): " + r.comparison().changes().size() + " answers or risks changed.");
            }

            w.heading("Self-audit for practice managers");
            SelfAudit sa = r.selfAudit();
            w.line(REGULAR, 10, sa.result());
            for (SelfAudit.Check c : sa.checks()) {
                w.line(BOLD, 10, c.question() + "  [" + words(c.verdict()) + "]");
                w.line(REGULAR, 10, c.answer());
            }

            w.heading("What the desk measured");
            for (Evidence.Finding f : r.evidence().findings()) {
                w.line(BOLD, 10, f.title() + "  [" + words(f.verdict()) + "]  " + String.join(", ", f.citations()));
                w.line(REGULAR, 10, f.summary());
            }

            w.heading("NIST CSF 2.0");
            for (CsfView.Function f : r.csf().functions()) {
                w.line(BOLD, 10, f.name() + ": " + pct(f.percent()));
                for (CsfView.Category c : f.categories()) w.line(REGULAR, 9, "   " + c.id() + " " + c.name() + ": " + pct(c.percent()));
            }

            w.heading("Remediation plan");
            if (a.remediations().isEmpty()) w.line(REGULAR, 10, "No steps planned.");
            for (AssessmentView.Remediation p : a.remediations()) {
                w.line(REGULAR, 10, p.dueOn() + (p.done() ? " (done)" : p.overdue() ? " (overdue)" : "") + "  " + p.citation()
                        + "  " + p.action() + (p.owner() == null ? "" : "  - " + p.owner()));
            }

            w.heading("Answers");
            for (Item i : a.items()) {
                w.line(BOLD, 10, i.citation() + " " + i.title() + " (" + i.requirement().name().toLowerCase() + "): "
                        + (i.answer() == null ? "not answered" : i.answer().label())
                        + (i.risk() == null ? "" : ", risk " + i.risk() + " (" + i.riskLevel().name().toLowerCase() + ")"));
                if (i.evidence() != null) w.line(REGULAR, 9, "Evidence: " + i.evidence());
                if (i.owner() != null) w.line(REGULAR, 9, "Owner: " + i.owner());
            }
            w.close();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pct(Double p) {
        return p == null ? "not assessed" : p + "%";
    }

    private static String words(Evidence.Verdict v) {
        return switch (v) {
            case GOOD -> "good";
            case WATCH -> "watch";
            case AT_RISK -> "at risk";
            case NOT_MEASURED -> "not measured yet";
        };
    }

    /** Flowing text over A4 pages, wrapped at the margins. */
    private static final class Writer {
        private final PDDocument doc;
        private PDPageContentStream page;
        private float y;

        Writer(PDDocument doc) throws IOException {
            this.doc = doc;
            newPage();
        }

        void heading(String text) throws IOException {
            y -= 8;
            line(BOLD, 13, text);
        }

        void line(PDType1Font font, float size, String text) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            for (String l : wrap(font, size, printable(font, text), width)) {
                if (y < MARGIN + size) newPage();
                page.beginText();
                page.setFont(font, size);
                page.newLineAtOffset(MARGIN, y - size);
                page.showText(l);
                page.endText();
                y -= size * 1.35f;
            }
        }

        void close() throws IOException {
            page.close();
        }

        private void newPage() throws IOException {
            if (page != null) page.close();
            PDPage p = new PDPage(PDRectangle.A4);
            doc.addPage(p);
            page = new PDPageContentStream(doc, p);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private static List<String> wrap(PDType1Font font, float size, String text, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size > width && !line.isEmpty()) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
            return lines;
        }

        /** The standard fonts cover WinAnsi only: anything else (and control characters) prints as '?'. */
        private static String printable(PDType1Font font, String text) {
            StringBuilder sb = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                String c = cp == '\t' || cp == '\n' || cp == '\r' ? " " : new String(Character.toChars(cp));
                try {
                    if (Character.isISOControl(c.codePointAt(0))) c = "?";
                    else font.encode(c);
                } catch (IOException | IllegalArgumentException e) {
                    c = "?";
                }
                sb.append(c);
            });
            return sb.toString();
        }
    }
}
