package com.b2bflow.buyeradmin;

import com.b2bflow.member.AddressData;
import com.b2bflow.shared.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new sub-organization ({@code POST /api/me/organizations}: {@code name} and {@code parentId} required), or changes
 * to one ({@code PATCH}: only the fields sent change; {@code parentId} cannot change).
 */
@PlainText
public record OrganizationChanges(
        @Size(max = 128, message = "{validation.atMost128Characters}")
        String name,

        Long parentId,

        @Size(max = 1000, message = "{validation.atMost1000Characters}")
        String description,

        @Size(max = 128, message = "{validation.atMost128Characters}")
        String businessCategory,

        @Size(max = 64, message = "{validation.size.max}")
        @Pattern(regexp = "[\\p{Alnum} ./-]*", message = "{validation.useLettersDigitsSpacesOr}")
        String taxId,

        @Size(max = 128, message = "{validation.size.max}")
        @Pattern(regexp = "([a-zA-Z0-9-]+\\.)+[a-zA-Z]{2,}|", message = "{validation.enterADomainSuchAsExample}")
        String emailDomain,

        @Valid AddressData address) {}
