package com.b2bflow.security;

import com.b2bflow.shared.ErrorResponses;
import com.b2bflow.shared.ProblemException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the public, unauthenticated POSTs that create registrations or use activation links, per client address:
 * a Bucket4j token bucket of {@code app.security.rate-limit.requests} refilled over {@code window}. Over the
 * limit: 429 with {@code Retry-After} (seconds) and a problem detail. The buckets live in each node's memory, so
 * in a cluster every node allows the limit on its own. Behind a reverse proxy the client address is the proxy's
 * unless {@code server.forward-headers-strategy} is set.
 */
class PublicEndpointRateLimit extends OncePerRequestFilter {

    private static final int MAX_TRACKED_ADDRESSES = 100_000;
    static final RequestMatcher LIMITED = new OrRequestMatcher(java.util.stream.Stream.of(
                    "/api/registrations/**", "/api/activation/**", "/webapp/wcs/stores/servlet/*RegistrationAdd",
                    "/store/register/**", "/store/activate/**", "/store/registration/*/withdraw")
            .map(pattern -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, pattern))
            .toList());

    private final RateLimitProperties properties;
    private final ErrorResponses errors;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    PublicEndpointRateLimit(RateLimitProperties properties, ErrorResponses errors) {
        this.properties = properties;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !properties.enabled() || !LIMITED.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (buckets.size() > MAX_TRACKED_ADDRESSES) {
            buckets.clear();
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(request.getRemoteAddr(), address -> newBucket())
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        ProblemException tooMany = new ProblemException(HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests from your address; try again in " + retryAfter + " seconds", List.of());
        tooMany.setTitle("Too many requests");
        tooMany.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
        errors.write(request, response, tooMany);
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(properties.requests())
                        .refillGreedy(properties.requests(), properties.window()).build())
                .build();
    }
}
