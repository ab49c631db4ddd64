package com.b2bflow.support;

import com.b2bflow.shared.HumanFormat;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.expression.DefaultWebSecurityExpressionHandler;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.View;
import org.thymeleaf.extras.springsecurity6.dialect.SpringSecurityDialect;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Renders storefront templates as Spring MVC does (Thymeleaf view, message files, the security dialect for an
 * anonymous visitor) without an application context: for unit tests of what a page says.
 */
public final class PageRendering implements AutoCloseable {

    private final MockServletContext servlet = new MockServletContext();
    private final StaticWebApplicationContext application = new StaticWebApplicationContext();
    private final ThymeleafViewResolver views = new ThymeleafViewResolver();

    public PageRendering() {
        application.setServletContext(servlet);
        application.registerSingleton("webSecurityExpressionHandler", DefaultWebSecurityExpressionHandler.class);
        application.refresh();
        servlet.setAttribute(WebApplicationContext.ROOT_WEB_APPLICATION_CONTEXT_ATTRIBUTE, application);
        SpringResourceTemplateResolver templates = new SpringResourceTemplateResolver();
        templates.setApplicationContext(application);
        templates.setPrefix("classpath:/templates/");
        templates.setSuffix(".html");
        templates.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(templates);
        engine.addDialect(new SpringSecurityDialect());
        engine.setTemplateEngineMessageSource(BothLanguages.messages());
        views.setApplicationContext(application);
        views.setTemplateEngine(engine);
        views.setCharacterEncoding("UTF-8");
    }

    /** The page as an anonymous visitor with this language sees it (the layout's model as the controllers add it). */
    public String render(String template, Map<String, ?> model, Locale locale) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(servlet, "GET", "/store/page");
        request.setAttribute(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE, application);
        request.addPreferredLocale(locale);
        MockHttpServletResponse response = new MockHttpServletResponse();
        Map<String, Object> full = new LinkedHashMap<>(model);
        full.putIfAbsent("dates", new HumanFormat(locale, ZoneId.of("Europe/Berlin")));
        full.putIfAbsent("languages", List.of());
        SecurityContextHolder.getContext()
                .setAuthentication(new AnonymousAuthenticationToken(
                        "test", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        try {
            View view = views.resolveViewName(template, locale);
            view.render(full, request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
        return response.getContentAsString();
    }

    @Override
    public void close() {
        application.close();
    }
}
