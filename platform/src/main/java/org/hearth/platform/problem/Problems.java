package org.hearth.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hearth.platform.correlation.CorrelationId;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Builds Hearth's problem details and writes them where no controller advice can (servlet filters, security). */
public class Problems {

    private final JsonMapper json;
    private final Supplier<List<ErrorFormat>> formats;

    public Problems(JsonMapper json) {
        this(json, List::of);
    }

    /** @param formats other bodies for some paths (FHIR's OperationOutcome), asked lazily at each write */
    public Problems(JsonMapper json, Supplier<List<ErrorFormat>> formats) {
        this.json = json;
        this.formats = formats;
    }

    public static ProblemDetail of(ProblemType type, String detail, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        if (path != null) {
            problem.setInstance(URI.create(path));
        }
        CorrelationId.current().ifPresent(id -> problem.setProperty("correlationId", id));
        return problem;
    }

    /**
     * At most this many field errors are listed; a 400 KB batch with one bad field per item must not answer with
     * megabytes. {@code errorCount} always says how many there were, {@code errorsTruncated} whether some are left out.
     */
    public static final int MAX_LISTED_ERRORS = 100;

    public static ProblemDetail withErrors(ProblemDetail problem, List<FieldError> errors) {
        if (errors.size() > MAX_LISTED_ERRORS) {
            problem.setProperty("errors", List.copyOf(errors.subList(0, MAX_LISTED_ERRORS)));
            problem.setProperty("errorCount", errors.size());
            problem.setProperty("errorsTruncated", true);
        } else {
            problem.setProperty("errors", errors);
            problem.setProperty("errorCount", errors.size());
        }
        return problem;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail)
            throws IOException {
        for (ErrorFormat format : formats.get()) {
            if (format.appliesTo(request)) {
                format.write(request, response, type, detail);
                return;
            }
        }
        ProblemDetail problem = of(type, detail, request.getRequestURI());
        response.setStatus(type.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), asMap(problem));
    }

    /** The RFC 9457 members in their usual order, extension members (correlationId, errors) after them. */
    static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
