package io.breakpoint.audit.web;

import io.breakpoint.audit.AuditTrail;
import io.breakpoint.audit.ChainReport;
import io.breakpoint.audit.internal.AuditRetention;
import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Actors;
import io.breakpoint.identity.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The chain check on a page: MSP admins, who run the desk, see whether the whole trail is intact. */
@Controller
class AuditVerifyPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final AuditTrail audit;
    private final AuditRetention retention;

    AuditVerifyPage(AuditTrail audit, AuditRetention retention) {
        this.audit = audit;
        this.retention = retention;
    }

    @GetMapping("/audit/verify")
    String verify(Model model) {
        Actor me = Actors.current();
        if (!me.is(Role.MSP_ADMIN)) throw new AccessDeniedException("MSP admins only");
        ChainReport report = audit.verify(me);
        model.addAttribute("nav", "audit");
        model.addAttribute("report", report);
        model.addAttribute("checkedAt", WHEN.format(report.checkedAt()));
        model.addAttribute("breakAt", report.intact() || report.firstBreak().at() == null ? null : WHEN.format(report.firstBreak().at()));
        model.addAttribute("retention", retention.describe());
        return "audit/verify";
    }
}
