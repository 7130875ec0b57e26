package org.hearth.platform.web;

import org.apache.catalina.core.StandardHost;
import org.hearth.platform.problem.ProblemType;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Makes Tomcat's own error pages problem+json (see {@link ProblemErrorReportValve}); requests refused by the
 * container never reach Spring, so the platform's exception handler cannot answer them.
 */
public class ProblemErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /** The problem type for a status that a container or filter set without an exception we could classify. */
    public static ProblemType typeFor(int status) {
        return switch (status) {
            case 400 -> ProblemType.BAD_REQUEST;
            case 401 -> ProblemType.UNAUTHENTICATED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 414 -> ProblemType.URI_TOO_LONG;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 431 -> ProblemType.HEADERS_TOO_LARGE;
            default -> status >= 500 ? ProblemType.INTERNAL_ERROR : ProblemType.BAD_REQUEST;
        };
    }

    public static String detailFor(int status) {
        return switch (status) {
            case 400 -> "The request cannot be processed: its URI, headers or parameters are malformed.";
            case 404 -> "No such resource.";
            case 414 -> "The request URI is too long.";
            case 431 -> "The request headers are too large.";
            default -> status >= 500 ? "Something went wrong on our side." : "The request cannot be processed.";
        };
    }
}
