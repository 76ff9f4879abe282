package io.breakpoint.web;

import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Actors;
import io.breakpoint.identity.Role;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page and "home", which is a different page for each role. */
@Controller
class ShellController {

    @GetMapping("/login")
    String login() {
        return Actors.currentIfAny().isPresent() ? "redirect:/" : "login";
    }

    @GetMapping("/")
    String home() {
        Actor me = Actors.current();
        if (me.is(Role.REQUESTER)) return "redirect:/portal";
        if (me.role().isDeskStaff()) return "redirect:/console";
        return "redirect:/org/tickets";
    }
}
