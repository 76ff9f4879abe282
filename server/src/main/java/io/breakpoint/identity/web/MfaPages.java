package io.breakpoint.identity.web;

import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.identity.ActorPrincipal;
import io.breakpoint.identity.PersonSummary;
import io.breakpoint.identity.internal.IdentityStore;
import io.breakpoint.identity.internal.SecurityConfig;
import io.breakpoint.identity.internal.SignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import io.breakpoint.identity.internal.QrCode;
import io.breakpoint.identity.internal.Totp;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The second sign-in step: after the password, people who need MFA enter a code from their authenticator app (or a
 * recovery code); those not enrolled yet set their app up here before anything else.
 */
@Controller
class MfaPages {

    /** The second step must follow the password within this long. */
    static final Duration PENDING_FOR = Duration.ofMinutes(5);
    private static final String ENROLMENT = "breakpoint.mfaEnrolment";

    private final SignIn signIn;
    private final IdentityStore store;
    private final Clock clock;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    MfaPages(SignIn signIn, IdentityStore store, Clock clock) {
        this.signIn = signIn;
        this.store = store;
        this.clock = clock;
    }

    @GetMapping("/login/mfa")
    String codePage(HttpServletRequest request) {
        return pending(request).map(p -> signIn.enrolled(p.id()) ? "login-mfa" : "redirect:/login/mfa/enrol").orElse("redirect:/login");
    }

    @PostMapping("/login/mfa")
    String code(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<PersonSummary> p = pending(request);
        if (p.isEmpty()) return "redirect:/login";
        if (!signIn.secondFactor(p.get(), code, request.getRemoteAddr())) {
            response.setStatus(401);
            model.addAttribute("error", "That code is not right, or it was used already. Enter the current code from your app, or a recovery code.");
            return "login-mfa";
        }
        signIn.signedIn(p.get(), "on the web with a second factor");
        complete(p.get(), request, response);
        return "redirect:/";
    }

    @GetMapping("/login/mfa/enrol")
    String enrolPage(HttpServletRequest request, Model model) {
        Optional<PersonSummary> p = pending(request);
        if (p.isEmpty()) return "redirect:/login";
        if (signIn.enrolled(p.get().id())) return "redirect:/login/mfa";
        SignIn.Enrolment e = signIn.newEnrolment(p.get());
        request.getSession().setAttribute(ENROLMENT, e.secret());
        model.addAttribute("secret", e.secret().replaceAll("(.{4})(?!$)", "$1 "));
        model.addAttribute("uri", e.uri());
        return "login-mfa-enrol";
    }

    /** The set-up link of the enrolment in progress as a QR code, for the app's camera. */
    @GetMapping(value = "/login/mfa/enrol/qr.svg", produces = "image/svg+xml")
    @ResponseBody
    ResponseEntity<String> qr(HttpServletRequest request) {
        Optional<PersonSummary> p = pending(request);
        Object secret = request.getSession().getAttribute(ENROLMENT);
        if (p.isEmpty() || secret == null) return ResponseEntity.notFound().build();
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .body(QrCode.of(Totp.uri("Breakpoint", p.get().email(), secret.toString())).svg());
    }

    @PostMapping("/login/mfa/enrol")
    String enrol(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<PersonSummary> p = pending(request);
        HttpSession session = request.getSession();
        Object secret = session.getAttribute(ENROLMENT);
        if (p.isEmpty() || secret == null) return "redirect:/login";
        List<String> codes;
        try {
            codes = signIn.enrol(p.get(), secret.toString(), code);
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("secret", secret.toString().replaceAll("(.{4})(?!$)", "$1 "));
            model.addAttribute("uri", Totp.uri("Breakpoint", p.get().email(), secret.toString()));
            return "login-mfa-enrol";
        }
        session.removeAttribute(ENROLMENT);
        signIn.signedIn(p.get(), "on the web after enrolling an authenticator app");
        complete(p.get(), request, response);
        model.addAttribute("codes", codes);
        return "login-mfa-codes";
    }

    private Optional<PersonSummary> pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SecurityConfig.PENDING) instanceof SecurityConfig.Pending p)) return Optional.empty();
        if (p.at().plus(PENDING_FOR).isBefore(clock.instant())) {
            session.removeAttribute(SecurityConfig.PENDING);
            return Optional.empty();
        }
        return store.person(p.userId()).filter(PersonSummary::enabled);
    }

    /** Signs the person in: a new session id, the security context in the session, the start of the absolute limit. */
    private void complete(PersonSummary p, HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession();
        session.removeAttribute(SecurityConfig.PENDING);
        request.changeSessionId();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(ActorPrincipal.authenticated(store.actorOf(p)));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        request.getSession().setAttribute(SecurityConfig.SIGNED_IN_AT, clock.instant());
    }
}
