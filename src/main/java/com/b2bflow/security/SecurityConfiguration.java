package com.b2bflow.security;

import com.b2bflow.staff.StaffGroups;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One filter chain per kind of client: the engine REST API (Camunda's own HTTP Basic filter), the Camunda
 * webapps (signed in at the storefront's sign-in page), staff and integration APIs (HTTP Basic against Camunda identity), the
 * HCL-compatible registration URLs (public, form-encoded, no session), and the storefront with its JSON API
 * (form login, CSRF cookie for single-page clients). Only in a web application: process tests run the engine
 * and the delegates without the web layer.
 */
@Configuration
@ConditionalOnWebApplication
public class SecurityConfiguration {

    private static final String SELLER_ADMINS = StaffPrincipal.group(StaffGroups.SELLER_ADMINS);
    private static final String SITE_ADMINS = StaffPrincipal.group(StaffGroups.SITE_ADMINS);
    private static final String ACCOUNT_REPS = StaffPrincipal.group(StaffGroups.ACCOUNT_REPS);
    private static final String INTEGRATION = StaffPrincipal.group(StaffGroups.INTEGRATION);
    private static final String CUSTOMER_SERVICE = StaffPrincipal.group(StaffGroups.CUSTOMER_SERVICE);

    /**
     * The storefront pages load only their own stylesheet and send forms only to themselves: no scripts, no inline
     * styles, no frames, no plugins. Not sent on /camunda/** (the webapps set their own headers).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'self'; object-src 'none'";

    /** The one sign-in page of buyers and staff. */
    static final String SIGN_IN_PAGE = "/store/login";

    /** The Camunda webapps' own login, replaced by the storefront's sign-in. */
    static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/*/login/*";

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    /**
     * Headers of the application's own responses besides Spring Security's defaults (X-Content-Type-Options nosniff,
     * X-Frame-Options DENY, no caching of secured responses, HSTS on HTTPS requests): Referrer-Policy same-origin
     * (activation links carry their token in the query string), Permissions-Policy, and a CSP on storefront pages.
     */
    static void applicationHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        paths("/", "/store", "/store/**", "/error"),
                        new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY)));
    }

    @Bean
    AuthenticationManager authenticationManager(
            BuyerUserDetailsService buyers,
            PasswordEncoder passwordEncoder,
            StaffAuthenticationProvider staff,
            AuthenticationEventPublisher events,
            LoginThrottle throttle) {
        ProviderManager manager = new ProviderManager(
                throttle, new BuyerAuthenticationProvider(buyers, passwordEncoder, throttle), staff);
        // a ProviderManager built by hand publishes no events unless told to; LoginRecorder listens for them
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
        return http.securityMatcher(paths("/engine-rest/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /**
     * The webapps' pages need a signed-in staff member: anyone else is sent to the storefront's sign-in page, which
     * remembers the page (docs/adr/0029). Their API answers 401 without a sign-in (Camunda's container-based
     * authentication, {@link WebappSignIn}); their own login endpoint is refused, so there is one way in. CSRF on the
     * webapps' API stays Camunda's own (its token filter).
     */
    @Bean
    @Order(2)
    SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
        return http.securityMatcher(paths("/camunda/**"))
                .authorizeHttpRequests(auth -> auth.requestMatchers(paths(WEBAPP_LOGIN))
                        .denyAll()
                        .requestMatchers(paths("/camunda/app/*/*/", "/camunda/app/*/*/index.html"))
                        .hasAuthority(StaffPrincipal.STAFF)
                        .anyRequest()
                        .permitAll())
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), paths("/camunda/api/**"))
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint(SIGN_IN_PAGE), paths("/camunda/**")))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain staffApis(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        return http.securityMatcher(paths("/api/staff/**", "/api/integration/**", "/actuator/**"))
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        // data-subject access requests: customer service may export a registrant's data too
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/staff/users/*/data")
                        .hasAnyAuthority(SELLER_ADMINS, SITE_ADMINS, CUSTOMER_SERVICE)
                        // contracts after the set-up: the account representatives' work
                        .requestMatchers(
                                "/api/staff/organizations/*/contracts", "/api/staff/organizations/*/contracts/**")
                        .hasAnyAuthority(ACCOUNT_REPS, SELLER_ADMINS, SITE_ADMINS)
                        .requestMatchers("/api/staff/**")
                        .hasAnyAuthority(SELLER_ADMINS, SITE_ADMINS)
                        .requestMatchers("/api/integration/**")
                        .hasAuthority(INTEGRATION)
                        .anyRequest()
                        .hasAuthority(StaffPrincipal.STAFF))
                .httpBasic(Customizer.withDefaults())
                .headers(SecurityConfiguration::applicationHeaders)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain hclRegistrationUrls(HttpSecurity http) throws Exception {
        return http.securityMatcher(paths("/webapp/wcs/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .headers(SecurityConfiguration::applicationHeaders)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /**
     * No raw parameter value holds a NUL, on any URL: PostgreSQL cannot store or even compare it (a 500 on a look-up by
     * logon id or a search). The firewall's defaults refuse control characters in parameter names and headers. Other
     * control characters in the fields of a request are for {@code @PlainText} to name, so that a form shows them as
     * field errors. Refused requests are answered by {@link RejectedRequests}.
     */
    @Bean
    HttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedParameterValues(value -> value.indexOf('\u0000') < 0);
        return firewall;
    }

    @Bean
    @Order(5)
    SecurityFilterChain storefront(
            HttpSecurity http,
            AuthenticationManager authenticationManager,
            List<LogoutHandler> logoutHandlers,
            @Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies)
            throws Exception {
        LoginOutcomeHandler outcome = new LoginOutcomeHandler();
        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> cookie.secure(secureCookies).sameSite("Lax"));
        return http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(
                        auth -> auth.requestMatchers("/", "/error", "/favicon.ico", "/css/**", "/js/**", "/img/**")
                                .permitAll()
                                .requestMatchers(
                                        "/store",
                                        "/store/",
                                        "/store/login",
                                        "/store/register/**",
                                        "/store/registration/**",
                                        "/store/activate/**",
                                        "/store/password-reset",
                                        "/store/password-reset/**",
                                        "/store/invitations/**")
                                .permitAll()
                                .requestMatchers(
                                        "/api/registrations/**",
                                        "/api/activation/**",
                                        "/api/password-reset",
                                        "/api/password-reset/**",
                                        "/api/invitations/**")
                                .permitAll()
                                .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                                .permitAll()
                                .requestMatchers("/staff/**", "/store/staff/**")
                                .hasAuthority(StaffPrincipal.STAFF)
                                // the search over customers is every console user's Find, not only customer service's
                                .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/csr/customers")
                                .hasAnyAuthority(CUSTOMER_SERVICE, SELLER_ADMINS, SITE_ADMINS, ACCOUNT_REPS)
                                .requestMatchers("/api/csr/**", "/store/customer-service/**")
                                .hasAuthority(CUSTOMER_SERVICE)
                                .anyRequest()
                                .authenticated())
                .formLogin(form -> form.loginPage(SIGN_IN_PAGE)
                        .loginProcessingUrl(SIGN_IN_PAGE)
                        .usernameParameter("logonId")
                        .passwordParameter("logonPassword")
                        .successHandler(outcome)
                        .failureHandler(outcome)
                        .permitAll())
                // features add what signing out ends (acting on behalf) as LogoutHandler beans
                .logout(logout -> {
                    logout.logoutUrl("/store/logout").logoutSuccessUrl("/store/login?logout");
                    logoutHandlers.forEach(logout::addLogoutHandler);
                })
                .headers(SecurityConfiguration::applicationHeaders)
                // session fixation: Spring Security's default (a new session id at sign-in) stays on
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler())
                        .ignoringRequestMatchers(paths(
                                "/api/registrations/**",
                                "/api/activation/**",
                                "/api/password-reset/**",
                                "/api/invitations/**")))
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), paths("/api/**")))
                .build();
    }

    /**
     * Matches on the path inside the application whatever servlet serves it: the MVC matchers that plain strings
     * give would miss {@code /engine-rest/**}, which Camunda's Jersey servlet serves.
     */
    static RequestMatcher paths(String... patterns) {
        return new OrRequestMatcher(Arrays.stream(patterns)
                .map(pattern -> (RequestMatcher)
                        PathPatternRequestMatcher.withDefaults().matcher(pattern))
                .toList());
    }
}
