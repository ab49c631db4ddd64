package com.b2bflow.notification;

import java.util.Locale;

public record Recipient(String email, String name, Locale locale) {

    public static Recipient of(String email, String name, String language) {
        return new Recipient(
                email, name, language == null || language.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(language));
    }
}
