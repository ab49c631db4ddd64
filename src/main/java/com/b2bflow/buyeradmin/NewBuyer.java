package com.b2bflow.buyeradmin;

import com.b2bflow.shared.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A buyer a Buyer Administrator (or a CSR on their behalf) creates: {@code roles} are picked from the
 * SuperuserCreation policy's selectable roles and cannot be changed later in the storefront. No password: the buyer
 * chooses one through the activation email.
 */
@PlainText
public record NewBuyer(
        @NotBlank(message = "{validation.chooseALogonId}")
        @Size(min = 3, max = 64, message = "{validation.use3To64Characters}")
        @Pattern(regexp = "[\\p{Alnum}._@+-]*", message = "{validation.useLettersDigitsAndOnly}")
        String logonId,

        @Size(max = 64, message = "{validation.size.max}") String firstName,
        @Size(max = 64, message = "{validation.size.max}") String middleName,

        @NotBlank(message = "{validation.enterTheLastName}") @Size(max = 64, message = "{validation.size.max}")
        String lastName,

        @NotBlank(message = "{validation.enterAnEmailAddress}")
        @Email(message = "{validation.enterAValidEmailAddress}")
        @Size(max = 254, message = "{validation.size.max}")
        String email,

        @Size(max = 32, message = "{validation.size.max}")
        @Pattern(regexp = "[0-9 +()./-]*", message = "{validation.useDigitsSpacesAndOnly}")
        String phone,

        @Size(max = 8, message = "{validation.size.max}")
        @Pattern(regexp = "[a-zA-Z-]*", message = "{validation.useALanguageTagSuchAs}")
        String preferredLanguage,

        List<String> roles) {}
