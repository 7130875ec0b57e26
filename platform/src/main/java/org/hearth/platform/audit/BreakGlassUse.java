package org.hearth.platform.audit;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What an access rule calls when it lets a request through on a break-glass grant and not on the usual relationship:
 * the request's audit record then says {@link AuditRecord#BREAK_GLASS} and names the grant. One helper, so every
 * service that honours break-glass marks it the same way.
 */
public final class BreakGlassUse {

    private BreakGlassUse() {}

    public static void mark(String grantId) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            request.getRequest().setAttribute(AuditRecord.BREAK_GLASS_ATTRIBUTE, grantId);
        }
    }
}
