package com.b2bflow.member;

import java.util.Locale;

/** The case-insensitive form under which logon ids and organization names are unique, and how people are named. */
public final class Names {

    private Names() {}

    /**
     * What a rejected member's unique key becomes: upper case, so no normalized name can ever equal it, and the row's
     * id, so released rows do not collide with each other.
     */
    public static String released(Long id) {
        return "RELEASED#" + id;
    }

    public static String normalize(String name) {
        return name == null ? null : name.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * "First Last", "Last", or, for a user who gave no last name (HCL's registration URLs require none), the first
     * name or else the logon id.
     */
    public static String display(String firstName, String lastName, String logonId) {
        String name = ((firstName == null ? "" : firstName.strip()) + " " + (lastName == null ? "" : lastName.strip()))
                .strip();
        return name.isEmpty() ? logonId : name;
    }
}
