package com.b2bflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the public, unauthenticated POSTs that create registrations, use activation or invitation links or reset
 * passwords, per client address:
 * a token bucket of {@code app.security.rate-limit.requests} refilled over {@code window}, kept in
 * {@link RateLimitBuckets} (shared by every node on PostgreSQL). Over the limit: 429 with {@code Retry-After}
 * (seconds) and a problem detail. Behind a reverse proxy the client address is the proxy's unless
 * {@code server.forward-headers-strategy} is set.
 */
class PublicEndpointRateLimit extends OncePerRequestFilter {

    static final RequestMatcher LIMITED = new OrRequestMatcher(java.util.stream.Stream.of(
                    "/api/registrations/**",
                    "/api/activation/**",
                    "/webapp/wcs/stores/servlet/*RegistrationAdd",
                    "/store/register/**",
                    "/store/activate/**",
                    "/store/registration/*/withdraw",
                    "/api/password-reset/**",
                    "/store/password-reset/**",
                    "/api/invitations/**",
                    "/store/invitations/**")
            .map(pattern ->
                    (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, pattern))
            .toList());

    private final RateLimitProperties properties;
    private final RateLimitBuckets buckets;
    private final ObjectMapper json;

    PublicEndpointRateLimit(RateLimitProperties properties, RateLimitBuckets buckets, ObjectMapper json) {
        this.properties = properties;
        this.buckets = buckets;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !properties.enabled() || !LIMITED.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        OptionalLong retryAfter = buckets.take(
                "public:" + request.getRemoteAddr(),
                new RateLimitBuckets.Limit(properties.requests(), properties.window()));
        if (retryAfter.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        TooManyRequests.write(
                request,
                response,
                json,
                "Too many requests from your address; try again in " + retryAfter.getAsLong() + " seconds",
                retryAfter.getAsLong());
    }
}
