package org.hearth.platform.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.ProblemType;

/**
 * Optimistic concurrency over HTTP (ARCHITECTURE §6): a versioned resource answers {@code ETag: "<version>"}
 * and a write must send it back in {@code If-Match}. No header → 428, so that nobody overwrites a plan they
 * have not read; a stale version → 412.
 */
public final class Versions {

    private static final Pattern STRONG_ETAG = Pattern.compile("^\"(\\d{1,18})\"$");

    private Versions() {}

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version the client last read, from its {@code If-Match} header. */
    public static long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(
                    ProblemType.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag you last read, so that you do not overwrite someone else's change.");
        }
        Matcher matcher = STRONG_ETAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw ApiException.preconditionFailed("If-Match must be one ETag of this resource, such as \"3\".");
        }
        return Long.parseLong(matcher.group(1));
    }

    /** Answers 412 unless the client read the current version. */
    public static void require(String ifMatch, long current) {
        if (expected(ifMatch) != current) {
            throw stale();
        }
    }

    public static ApiException stale() {
        return ApiException.preconditionFailed("Someone changed this since you read it; read it again and retry.");
    }
}
