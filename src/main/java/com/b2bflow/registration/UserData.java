package com.b2bflow.registration;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The user part of a registration ({@code usr_} parameters). The password is write-only: it is hashed on
 * submission and never stored, logged or handed to the process. Last name and email are required of the
 * product's own forms and API ({@link ContactRequired}); HCL's registration URLs require neither.
 */
public record UserData(
        @NotBlank(message = "{validation.chooseALogonId}")
        @Size(min = 3, max = 64, message = "{validation.size.range}")
        @Pattern(regexp = "[\\p{Alnum}._@+-]*", message = "{validation.useLettersDigitsAndOnly}")
        String logonId,

        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
        String password,

        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
        String passwordVerify,

        @Size(max = 64, message = "{validation.size.max}") String firstName,
        @Size(max = 64, message = "{validation.size.max}") String middleName,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank(message = "{validation.enterTheLastName}", groups = ContactRequired.class)
        @Size(max = 64, message = "{validation.size.max}")
        String lastName,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank(message = "{validation.enterAnEmailAddress}", groups = ContactRequired.class)
        @Email(message = "{validation.enterAValidEmailAddress}")
        @Size(max = 254, message = "{validation.size.max}")
        String email,

        @Size(max = 32, message = "{validation.size.max}")
        @Pattern(regexp = "[0-9 +()./-]*", message = "{validation.useDigitsSpacesAndOnly}")
        String phone,

        @Size(max = 8, message = "{validation.size.max}")
        @Pattern(regexp = "[a-zA-Z-]*", message = "{validation.useALanguageTagSuchAs}")
        String preferredLanguage) {

    /** The validation group of the fields the product's own entry points require and HCL's URLs do not. */
    public interface ContactRequired {}

    /** The same user in this language, where none was given ({@link RegistrationSubmitters}). */
    UserData withPreferredLanguage(String language) {
        return new UserData(logonId, password, passwordVerify, firstName, middleName, lastName, email, phone, language);
    }

    /** Never print the password. */
    @Override
    public String toString() {
        return "UserData[" + logonId + "]";
    }
}
