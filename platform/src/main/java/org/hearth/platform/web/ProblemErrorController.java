package org.hearth.platform.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.hearth.platform.problem.ProblemType;
import org.hearth.platform.problem.Problems;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's error page: whatever called {@code sendError} (a filter, the security firewall, the container)
 * gets problem+json with a stable type, not Boot's {@code {"timestamp":…,"error":…}} shape.
 */
@Hidden // the container's error page, not an operation of the API
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 ? value : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ProblemType type = ProblemErrorPages.typeFor(status);
        ProblemDetail problem =
                Problems.of(type, ProblemErrorPages.detailFor(status), uri instanceof String path ? safe(path) : null);
        problem.setStatus(status);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The instance is informative only; a path that is not a valid URI is left out rather than failing here. */
    private static String safe(String path) {
        try {
            java.net.URI.create(path);
            return path;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
