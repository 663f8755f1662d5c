package org.koban.server.catalog.web;

import jakarta.servlet.http.HttpServletResponse;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.NotFoundException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Catalogue pages answer a record that does not exist, or that one may not see, with the 404 page. */
// Named by type: @RestController counts as @Controller, and the API's errors are problem+json.
@ControllerAdvice(assignableTypes = {ProductController.class, FamilyController.class, TransferController.class})
class CatalogPageAdvice {

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "error/404";
    }

    // Only reached for query parameters (an unknown export format): forms catch their problems themselves.
    @ExceptionHandler(InvalidInputException.class)
    String invalid(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("status", HttpServletResponse.SC_BAD_REQUEST);
        return "error/error";
    }
}
