package org.koban.server.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How every page runs a change from a form: on success, a redirect with a notice (so a reload does not post
 * again); on refused input, the same page again with status 400 and every problem, keeping what was typed.
 */
public final class FormSubmission {

    private FormSubmission() {}

    public static String run(
            Runnable change,
            String notice,
            String redirectTo,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Function<List<InvalidInputException.Problem>, String> showAgain) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", notice);
            return "redirect:" + redirectTo;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showAgain.apply(e.problems());
        }
    }
}
