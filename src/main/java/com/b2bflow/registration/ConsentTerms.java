package com.b2bflow.registration;

/**
 * The terms of use and privacy notice an applicant agrees to when registering. Their text is in the message files
 * under {@code consent.<version>.text}; a change of the text gets a new version here, so each registration keeps the
 * version its applicant saw (ADR 0033).
 */
public final class ConsentTerms {

    /** The version offered now; earlier versions stay in the message files while registrations refer to them. */
    public static final String CURRENT = "2026-12";

    private ConsentTerms() {}

    /** The message key of this version's text. */
    public static String textKey(String version) {
        return "consent." + version + ".text";
    }

    public static boolean isCurrent(String version) {
        return CURRENT.equals(version);
    }
}
