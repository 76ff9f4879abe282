package io.breakpoint.compliance.web;

import io.breakpoint.compliance.ComplianceWorkspace.Report;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import java.util.Locale;

/** Renders the report template to a string, for the API (the page renders the same template as a view). */
@Component
class ReportHtml {

    private final TemplateEngine templates;

    ReportHtml(TemplateEngine templates) {
        this.templates = templates;
    }

    String render(Report report) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("report", report);
        context.setVariable("standalone", true);
        return templates.process("compliance/report", context);
    }
}
