package com.b2bflow.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The title, description and security schemes of the OpenAPI document at {@code /v3/api-docs}. The server is the
 * relative {@code /}, so that the document does not depend on the address it was fetched from: it is checked in as
 * {@code docs/api/openapi.json} and a test compares the two.
 *
 * <p>Which scheme an operation needs mirrors the security filter chains: the staff and integration APIs take HTTP
 * Basic, registration, activation, password reset, invitation acceptance and the HCL-compatible URLs are public, every other {@code /api} path needs the
 * storefront session and, for changes, the CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

    static final String STOREFRONT_SESSION = "storefrontSession";
    static final String CSRF_TOKEN = "csrfToken";
    static final String STAFF_BASIC = "staffBasic";

    /** The public paths of the storefront's security chain: no session, no CSRF token. */
    private static final List<String> PUBLIC_PREFIXES = List.of(
            "/api/registrations", "/api/activation", "/api/password-reset", "/api/invitations/", "/webapp/wcs/");

    private static final List<String> STAFF_PREFIXES = List.of("/api/staff/", "/api/integration/");

    @Bean
    OpenAPI b2bRegistrationOpenApi() {
        return new OpenAPI()
                .info(new Info().title("B2B registration API").version("1").description("""
                                Registration and approval of business customers: organizations, buyers, resellers \
                                and ERP-linked customers register; seller staff approve them; buyer administrators \
                                and customer service run the organizations afterwards. Errors are RFC 9457 problem \
                                details; a 400 names the offending field under `errors[].field`.

                                Authentication: registration, activation, password reset, invitation acceptance and \
                                the HCL-compatible URLs are public (rate-limited per client address). Buyers, buyer \
                                administrators and customer service use the storefront session (`storefrontSession`) \
                                and send the CSRF token (`csrfToken`) with every change. Seller staff and the ERP \
                                integration call `/api/staff` and `/api/integration` with HTTP Basic \
                                (`staffBasic`)."""))
                .servers(List.of(new Server().url("/")))
                .components(new Components()
                        .addSecuritySchemes(
                                STOREFRONT_SESSION,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.COOKIE)
                                        .name("JSESSIONID")
                                        .description(
                                                "The storefront session: sign in with POST /store/login (form fields "
                                                        + "logonId, logonPassword). With the cluster profile the cookie is SESSION."))
                        .addSecuritySchemes(
                                CSRF_TOKEN,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-XSRF-TOKEN")
                                        .description(
                                                "Changes in a storefront session send the XSRF-TOKEN cookie's value "
                                                        + "back, unchanged, in this header."))
                        .addSecuritySchemes(
                                STAFF_BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description(
                                                "A staff user of Camunda's identity service (or the ERP integration's "
                                                        + "technical user for /api/integration).")));
    }

    @Bean
    OpenApiCustomizer securityPerOperation() {
        return openApi -> openApi.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> operation.setSecurity(security(path, method))));
    }

    private static List<SecurityRequirement> security(String path, PathItem.HttpMethod method) {
        if (PUBLIC_PREFIXES.stream().anyMatch(path::startsWith)) {
            return null;
        }
        if (STAFF_PREFIXES.stream().anyMatch(path::startsWith)) {
            return List.of(new SecurityRequirement().addList(STAFF_BASIC));
        }
        SecurityRequirement session = new SecurityRequirement().addList(STOREFRONT_SESSION);
        return List.of(method == PathItem.HttpMethod.GET ? session : session.addList(CSRF_TOKEN));
    }
}
