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
        @NotBlank(message = "Choose a logon ID")
        @Size(min = 3, max = 64)
        @Pattern(regexp = "[\\p{Alnum}._@+-]*", message = "Use letters, digits and . _ @ + - only")
        String logonId,

        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
        String password,

        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
        String passwordVerify,

        @Size(max = 64) String firstName,
        @Size(max = 64) String middleName,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank(message = "Enter the last name", groups = ContactRequired.class)
        @Size(max = 64)
        String lastName,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank(message = "Enter an email address", groups = ContactRequired.class)
        @Email(message = "Enter a valid email address")
        @Size(max = 254)
        String email,

        @Size(max = 32) @Pattern(regexp = "[0-9 +()./-]*", message = "Use digits, spaces and + ( ) . / - only")
        String phone,

        @Size(max = 8) @Pattern(regexp = "[a-zA-Z-]*") String preferredLanguage) {

    /** The validation group of the fields the product's own entry points require and HCL's URLs do not. */
    public interface ContactRequired {}

    /** Never print the password. */
    @Override
    public String toString() {
        return "UserData[" + logonId + "]";
    }
}
