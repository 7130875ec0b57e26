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

    private final OfflineMail mail;

    SeenInterceptor(OfflineMail mail) {
        this.mail = mail;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/messaging/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt
                && jwt.getToken().getSubject() != null && TenantContext.find().isPresent()) {
            mail.seen(jwt.getToken().getSubject(), jwt.getToken().getClaimAsString("email"));
        }
        return true;
    }
}
