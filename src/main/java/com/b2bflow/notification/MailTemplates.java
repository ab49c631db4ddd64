package com.b2bflow.notification;

import com.b2bflow.shared.HumanFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders mail templates from {@code templates/mail/}: HTML and plain text, with messages from the application's
 * message source. Kept apart from the storefront's template engine, which renders pages.
 */
@Component
public class MailTemplates {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final MessageSource messages;

    public MailTemplates(MessageSource messages) {
        this.messages = messages;
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
        engine.setTemplateEngineMessageSource(messages);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of("*" + suffix));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setOrder(order);
        resolver.setCheckExistence(true);
        return resolver;
    }

    /**
     * Renders a mail in the recipient's language. Dates and times in the model ({@link java.time.Instant},
     * {@link java.time.LocalDate}, ...) are written in that language's style and {@link HumanFormat#DEFAULT_ZONE}
     * (a recipient's own zone is not known); templates format nested ones with {@code ${dates.date(...)}}.
     */
    public RenderedMail render(String template, Map<String, Object> model, Locale locale) {
        HumanFormat dates = new HumanFormat(locale, HumanFormat.DEFAULT_ZONE);
        Map<String, Object> readable = new HashMap<>();
        model.forEach((name, value) -> readable.put(name, isTemporal(value) ? dates.dateTime(value) : value));
        readable.put("dates", dates);
        Context context = new Context(locale, readable);
        return new RenderedMail(
                messages.getMessage("mail." + template + ".subject", subjectArguments(readable), locale),
                engine.process(template + ".txt", context),
                engine.process(template + ".html", context));
    }

    private static boolean isTemporal(Object value) {
        return value instanceof java.time.temporal.Temporal || value instanceof java.util.Date;
    }

    private static Object[] subjectArguments(Map<String, Object> model) {
        Object argument = model.get("subjectArgument");
        return argument == null ? new Object[0] : new Object[] {argument};
    }

    public record RenderedMail(String subject, String text, String html) {}
}
