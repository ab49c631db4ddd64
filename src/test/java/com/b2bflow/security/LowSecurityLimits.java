package com.b2bflow.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The low limits that the throttling tests test (storefront sign-ins, public POSTs), in one application
 * context shared by those tests (one set of properties, one context): 3 failed sign-ins per address in 10 minutes,
 * 3 public POSTs per address per hour (the hour leaves no room for a refilled token however long the machine stalls
 * between requests). Requests carry the storefront's real CSRF token ({@code StorefrontCsrf}): MockMvc's {@code csrf()}
 * would swap the context's token store for the classes after it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(
        properties = {
            "app.security.lockout.address-max-failures=3",
            "app.security.lockout.address-window=PT10M",
            "app.security.rate-limit.requests=3",
            "app.security.rate-limit.window=PT1H"
        })
@interface LowSecurityLimits {}
