package io.breakpoint.tickets.web;

import io.breakpoint.identity.Actors;
import io.breakpoint.phi.PhiBlockedException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A reply or note refused by the organization's PHI policy (BLOCK), on the ticket pages: for htmx the message goes
 * next to the form (as the shell does for other refusals), otherwise the error page says it.
 */
@ControllerAdvice(assignableTypes = {PortalController.class, ConsoleController.class})
class PhiRefusals {

    @ExceptionHandler(PhiBlockedException.class)
    Object blocked(PhiBlockedException e, HttpServletRequest r) {
        if (r.getHeader("HX-Request") != null) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                    .header("X-Error-Message", URLEncoder.encode(e.plainMessage(), StandardCharsets.UTF_8).replace("+", "%20"))
                    .build();
        }
        ModelAndView mv = new ModelAndView("error", HttpStatus.UNPROCESSABLE_CONTENT);
        mv.addObject("status", 422);
        mv.addObject("message", e.plainMessage());
        mv.addObject("me", Actors.currentIfAny().orElse(null));
        return mv;
    }
}
