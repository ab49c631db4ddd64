package com.b2bflow.registration;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text that Tasklist shows as Markdown in a Camunda Form's text field. What an applicant typed (names, reasons) is
 * escaped, so that it reads as typed and cannot make a link or a heading of its own.
 */
public final class Markdown {

    private static final Pattern SPECIAL = Pattern.compile("[\\\\`*_{}\\[\\]()<>#|~]");

    private Markdown() {}

    /**
     * The text on one line, every character Markdown would interpret within a line escaped ("-", "+" and "." only
     * mean something at the start of a line, where this text never stands); "–" for nothing.
     */
    public static String text(String value) {
        if (value == null || value.isBlank()) {
            return "–";
        }
        String oneLine = value.strip().replaceAll("\\s+", " ");
        return SPECIAL.matcher(oneLine).replaceAll(match -> Matcher.quoteReplacement("\\" + match.group()));
    }

    /** A link to a page of this application (a path beginning with "/"). */
    public static String link(String label, String path) {
        return "[" + text(label) + "](" + path + ")";
    }
}
