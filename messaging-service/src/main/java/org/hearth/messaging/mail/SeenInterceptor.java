package org.hearth.messaging.mail;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hearth.platform.tenancy.TenantContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every API call of a signed-in person records that they are here (and their email, for offline reminders). */
@Configuration(proxyBeanMethods = false)
class SeenInterceptor implements WebMvcConfigurer, HandlerInterceptor {

    static final String STREAM = "/api/messaging/v1/stream";

    private final OfflineMail mail;

    SeenInterceptor(OfflineMail mail) {
        this.mail = mail;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // the live stream records it itself, from its own thread and in turn with the other streams' store reads: a
        // write here, on the request, made N streams (re)connecting at once N writes at once, beyond the pool
        registry.addInterceptor(this).addPathPatterns("/api/messaging/**").excludePathPatterns(STREAM);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt
                && jwt.getToken().getSubject() != null
                && TenantContext.find().isPresent()) {
            mail.seen(jwt.getToken().getSubject(), jwt.getToken().getClaimAsString("email"));
        }
        return true;
    }
}
