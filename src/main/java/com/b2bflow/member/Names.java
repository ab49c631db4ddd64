package com.b2bflow.member;

import java.util.Locale;

/** The case-insensitive form under which logon ids and organization names are unique. */
public final class Names {

    private Names() {
    }

    public static String normalize(String name) {
        return name == null ? null : name.strip().toLowerCase(Locale.ROOT);
    }
}
