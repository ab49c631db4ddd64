package com.b2bflow.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Points in time on console pages, in the reader's language (the request's locale) and the server's time zone, which
 * is named: {@code ${@consoleDates.format(instant)}} in a template.
 */
@Component("consoleDates")
public class ConsoleDates {

    private final ZoneId zone = ZoneId.systemDefault();

    public String format(Instant instant) {
        if (instant == null) {
            return "–";
        }
        var locale = LocaleContextHolder.getLocale();
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                        .withLocale(locale)
                        .withZone(zone)
                        .format(instant)
                + " " + zone.getDisplayName(TextStyle.SHORT, locale);
    }
}
