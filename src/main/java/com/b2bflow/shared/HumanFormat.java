package com.b2bflow.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Dates and times as a person reads them: in their language's own style ("7 Dec 2026, 14:05" or "07.12.2026, 14:05")
 * and their time zone, named where it is not obvious ("14:05 CET"), never an ISO timestamp with microseconds. Pages
 * and mails use the same formatter so a date looks the same in both.
 *
 * <p>Stored times without a zone ({@link LocalDateTime}) are UTC: the application writes them in UTC.
 */
public final class HumanFormat {

    /** Where times are shown when the person's own zone is not known (mails, a first page view). */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Berlin");

    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;

    public HumanFormat(Locale locale, ZoneId zone) {
        this.locale = locale == null ? Locale.ENGLISH : locale;
        this.zone = zone == null ? DEFAULT_ZONE : zone;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(this.locale);
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(this.locale);
    }

    /** A date ("7 Dec 2026", "07.12.2026"); an instant counts in this person's zone. Empty for null. */
    public String date(Object value) {
        TemporalAccessor temporal =
                value instanceof LocalDate day ? day : isoDate(value) ? LocalDate.parse((String) value) : zoned(value);
        return temporal == null ? "" : date.format(temporal);
    }

    /** A date and time with the zone's short name ("7 Dec 2026, 14:05 CET"). Empty for null. */
    public String dateTime(Object value) {
        if (value instanceof LocalDate || isoDate(value)) {
            return date(value);
        }
        ZonedDateTime zoned = zoned(value);
        return zoned == null ? "" : dateTime.format(zoned) + " " + zoneName(zoned);
    }

    private static boolean isoDate(Object value) {
        return value instanceof String text && text.length() == 10 && text.charAt(4) == '-';
    }

    public Locale locale() {
        return locale;
    }

    public ZoneId zone() {
        return zone;
    }

    private ZonedDateTime zoned(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant.atZone(zone);
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(zone);
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(zone);
        }
        if (value instanceof LocalDateTime utc) {
            return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone);
        }
        if (value instanceof java.util.Date legacy) {
            return legacy.toInstant().atZone(zone);
        }
        if (value instanceof String text) {
            return parse(text);
        }
        throw new IllegalArgumentException(
                "Not a date or time: " + value.getClass().getName());
    }

    /** An ISO text (as stored in JSON or variables); a text that is none is shown as it is by the caller. */
    private ZonedDateTime parse(String text) {
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(zone);
        } catch (java.time.format.DateTimeParseException notOffset) {
            return Instant.parse(text).atZone(zone);
        }
    }

    private String zoneName(ZonedDateTime zoned) {
        return DateTimeFormatter.ofPattern("zzz", locale).format(zoned);
    }
}
