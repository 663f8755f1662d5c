package org.koban.server.sla.web;

import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.sla.SlaPolicies;
import org.koban.server.sla.SlaPolicy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The SLA policy page: everyone on the PSIRT reads the targets, the manager changes them. */
@Controller
class SlaPages {

    private final SlaPolicies policies;
    private final Permissions permissions;

    SlaPages(SlaPolicies policies, Permissions permissions) {
        this.policies = policies;
        this.permissions = permissions;
    }

    @GetMapping("/admin/sla")
    String policy(Actor actor, Model model) {
        permissions.check(actor, Action.REPORT_TRIAGE);
        model.addAttribute("form", policies.current());
        model.addAttribute("canEdit", permissions.can(actor, Action.SLA_POLICY_EDIT));
        return "sla/policy";
    }

    @PostMapping("/admin/sla")
    String update(
            Actor actor,
            @ModelAttribute("form") SlaPolicy form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        permissions.check(actor, Action.SLA_POLICY_EDIT);
        model.addAttribute("canEdit", true);
        if (binding.hasErrors()) {
            model.addAttribute(
                    "problems",
                    binding.getFieldErrors().stream()
                            .map(e -> new InvalidInputException.Problem(e.getField(), "must be a whole number of days"))
                            .toList());
            return "sla/policy";
        }
        try {
            policies.update(actor, form);
            redirect.addFlashAttribute(
                    "notice", "SLA policy saved. New clocks use it; running tasks keep their due dates.");
            return "redirect:/admin/sla";
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            return "sla/policy";
        }
    }
}
