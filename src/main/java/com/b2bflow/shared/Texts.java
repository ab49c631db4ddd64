package com.b2bflow.shared;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * Texts that code (not a template) puts in front of a person, such as a field's problem, in the language of the
 * request being served ({@code messages*.properties}, the request's locale through Spring's
 * {@link org.springframework.context.i18n.LocaleContextHolder}; English outside a request).
 */
@Component
public class Texts {

    private static final Texts FILES = standalone();

    private final MessageSourceAccessor messages;

    public Texts(MessageSource messages) {
        this.messages = new MessageSourceAccessor(messages);
    }

    /** The application's message files without a Spring context, for unit tests and rules built by hand. */
    public static Texts standalone() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return new Texts(source);
    }

    /**
     * The same, for static factories (a shared exception's message): the message files read without Spring's
     * message source, which holds the same files.
     */
    public static String text(String key, Object... arguments) {
        return FILES.get(key, arguments);
    }

    /** The text of this key with its arguments, in the request's language. */
    public String get(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale());
    }

    /** The language of the request being served; English outside a request (never the server's own locale). */
    public static Locale locale() {
        return LocaleContextHolder.getLocaleContext() == null ? Locale.ENGLISH : LocaleContextHolder.getLocale();
    }
}
