package com.b2bflow.shared;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The text of a request takes no control characters: a NUL cannot even be stored or compared in PostgreSQL, and line
 * breaks in a name end up in mail subjects and headers. Free-text fields ({@code description}, {@code reason},
 * {@code rejectionReason}) may hold line breaks and tabs. Put on a request record: checks its string components, the
 * strings in its lists and the records inside it, and names each field by its path ({@code user.lastName}). A NUL in a
 * raw query or form parameter is refused before, by the firewall of the security module.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainTextValidator.class)
public @interface PlainText {

    String message() default "{validation.removeTheControlCharactersSuchAs}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
