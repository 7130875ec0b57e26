package org.hearth.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks a handler's {@code @PreAuthorize} role and scope rule before Spring binds and validates the request
 * body. Method security alone runs after binding, so a caller without the right would get 400 with the
 * endpoint's field rules instead of 403: they would learn how to call what they may not call, and no access
 * matrix could tell an allowed write from a forbidden one. Rules that need the method's arguments cannot be
 * judged here and are left to method security, which still runs as before.
 */
public class AuthorizeBeforeBinding implements HandlerInterceptor {

    private final DefaultMethodSecurityExpressionHandler expressions = new DefaultMethodSecurityExpressionHandler();
    private final Map<Method, Optional<Expression>> rules = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (!(handler instanceof HandlerMethod method) || caller == null) {
            return true;
        }
        Optional<Expression> rule = rules.computeIfAbsent(method.getMethod(), m -> ruleOf(method));
        if (rule.isEmpty()) {
            return true;
        }
        EvaluationContext context = expressions.createEvaluationContext(
                () -> caller, new SimpleMethodInvocation(method.getBean(), method.getMethod()));
        Boolean allowed;
        try {
            allowed = rule.get().getValue(context, Boolean.class);
        } catch (EvaluationException needsArguments) {
            return true;
        }
        if (!Boolean.TRUE.equals(allowed)) {
            throw new AccessDeniedException("role or scope missing");
        }
        return true;
    }

    private Optional<Expression> ruleOf(HandlerMethod method) {
        PreAuthorize annotation = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
        if (annotation == null) {
            annotation = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
        }
        return Optional.ofNullable(annotation)
                .map(a -> expressions.getExpressionParser().parseExpression(a.value()));
    }
}
