package com.b2bflow.web;

import com.b2bflow.shared.HumanFormat;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The language and time zone of every page, mail-independent: a {@code lang} parameter ({@code en} or {@code de})
 * switches the language and a cookie keeps it across pages and visits; without one, the browser's
 * {@code Accept-Language} picks between English and German, English otherwise. The time zone is the browser's,
 * which {@code /js/time-zone.js} writes into the {@code tz} cookie; {@link HumanFormat#DEFAULT_ZONE} until it has.
 */
@Configuration(proxyBeanMethods = false)
public class StorefrontLanguage implements WebMvcConfigurer {

    public static final String PARAMETER = "lang";
    static final String LANGUAGE_COOKIE = "lang";
    static final String ZONE_COOKIE = "tz";
    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

    /** Named {@code localeResolver}: Spring MVC looks the resolver up by this name. */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE) {
            /** A cookie of another language than English or German (or a broken one) counts as none. */
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                Locale locale = super.resolveLocale(request);
                Locale supported = supported(locale.getLanguage());
                return supported != null ? supported : fromBrowser(request);
            }
        };
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setRejectInvalidCookies(false);
        resolver.setDefaultLocaleFunction(StorefrontLanguage::fromBrowser);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageSwitch());
    }

    static Locale fromBrowser(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return Locale.ENGLISH;
        }
        for (java.util.Enumeration<Locale> wanted = request.getLocales(); wanted.hasMoreElements(); ) {
            Locale supported = supported(wanted.nextElement().getLanguage());
            if (supported != null) {
                return supported;
            }
        }
        return Locale.ENGLISH;
    }

    static Locale supported(String language) {
        return SUPPORTED.stream()
                .filter(locale -> locale.getLanguage().equalsIgnoreCase(language))
                .findFirst()
                .orElse(null);
    }

    /** The person's time zone from the {@code tz} cookie, the default zone when it is missing or unknown. */
    public static ZoneId zone(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (ZONE_COOKIE.equals(cookie.getName())) {
                    try {
                        return ZoneId.of(
                                java.net.URLDecoder.decode(cookie.getValue(), java.nio.charset.StandardCharsets.UTF_8));
                    } catch (DateTimeException | IllegalArgumentException unknown) {
                        return HumanFormat.DEFAULT_ZONE;
                    }
                }
            }
        }
        return HumanFormat.DEFAULT_ZONE;
    }

    /**
     * The links of the language switch: this page in each language. Only storefront pages get them: HCL's URLs
     * refuse parameters they do not know and take the language from their own {@code langId}.
     */
    static List<LanguageLink> links(HttpServletRequest request, Locale current) {
        if (!request.getRequestURI().startsWith("/store") || !"GET".equals(request.getMethod())) {
            return List.of();
        }
        String query = request.getQueryString();
        return SUPPORTED.stream()
                .map(locale -> new LanguageLink(
                        locale.getLanguage(),
                        locale.getDisplayLanguage(locale),
                        UriComponentsBuilder.fromUriString(request.getRequestURI() + (query == null ? "" : "?" + query))
                                .replaceQueryParam(PARAMETER, locale.getLanguage())
                                .build()
                                .toUriString(),
                        locale.getLanguage().equals(current.getLanguage())))
                .toList();
    }

    /** One entry of the language switch, named in its own language ("Deutsch"). */
    public record LanguageLink(String code, String name, String href, boolean current) {}

    /** {@code ?lang=de} sets the language (and its cookie); other values are ignored. */
    static final class LanguageSwitch implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            String wanted = request.getParameter(PARAMETER);
            Locale locale = wanted == null ? null : supported(wanted.strip());
            if (locale != null) {
                LocaleResolver resolver =
                        org.springframework.web.servlet.support.RequestContextUtils.getLocaleResolver(request);
                if (resolver != null) {
                    resolver.setLocale(request, response, locale);
                }
            }
            return true;
        }
    }
}
