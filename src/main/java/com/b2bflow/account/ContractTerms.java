package com.b2bflow.account;

import com.b2bflow.shared.Texts;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What an account representative agrees with an organization: a named contract, its terms and the days it is valid
 * (an open end when {@code validTo} is null). The rules are checked here once, whoever enters the terms (the
 * set-up task, the staff API); each caller names the broken field in its own words.
 */
public record ContractTerms(String name, String terms, LocalDate validFrom, LocalDate validTo) {

    public static final int MAX_NAME_LENGTH = 128;
    public static final int MAX_TERMS_LENGTH = 4000;

    /** A year typed short ("0026") or a date outside any contract's life is a typing mistake, not a contract. */
    private static final int FIRST_YEAR = 1900;

    private static final int LAST_YEAR = 9999;

    public ContractTerms {
        name = name == null ? null : name.strip();
        terms = terms == null || terms.isBlank() ? null : terms.strip();
    }

    /** The part of the terms a rule refers to. */
    public enum Part {
        NAME,
        TERMS,
        VALID_FROM,
        VALID_TO
    }

    /** A broken rule: the part at fault and what to do about it, said to a person. */
    public record Violation(Part part, String message) {}

    /** The first rule these terms break; empty when they are valid. */
    public Optional<Violation> violation() {
        if (name == null || name.isEmpty()) {
            return Optional.of(new Violation(Part.NAME, Texts.text("contract.nameMissing")));
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return Optional.of(new Violation(Part.NAME, Texts.text("validation.atMost128Characters")));
        }
        if (terms != null && terms.length() > MAX_TERMS_LENGTH) {
            return Optional.of(new Violation(Part.TERMS, Texts.text("contract.termsTooLong")));
        }
        if (validFrom == null) {
            return Optional.of(new Violation(Part.VALID_FROM, Texts.text("contract.startMissing")));
        }
        if (implausible(validFrom)) {
            return Optional.of(new Violation(Part.VALID_FROM, years()));
        }
        if (validTo != null && implausible(validTo)) {
            return Optional.of(new Violation(Part.VALID_TO, years()));
        }
        return lastDayViolation(validFrom, validTo);
    }

    private static String years() {
        return Texts.text("contract.years", String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR));
    }

    private static boolean implausible(LocalDate day) {
        return day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR;
    }

    /** A last day before the first one breaks the rule that a contract cannot end before it starts. */
    static Optional<Violation> lastDayViolation(LocalDate validFrom, LocalDate validTo) {
        if (validTo != null && validTo.isBefore(validFrom)) {
            return Optional.of(new Violation(Part.VALID_TO, Texts.text("contract.cannotEndBeforeStart")));
        }
        return Optional.empty();
    }
}
