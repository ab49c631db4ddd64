package com.b2bflow.shared;

/** How the product reads optional text a person typed: blank is absent, and what is kept loses its outer spaces. */
public final class Inputs {

    private Inputs() {}

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
