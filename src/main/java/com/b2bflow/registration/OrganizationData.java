package com.b2bflow.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The organization part of a registration ({@code org_} parameters in the HCL-compatible URLs). */
public record OrganizationData(
        @NotBlank(message = "{validation.enterTheOrganizationSName}")
        @Size(max = 128, message = "{validation.size.max}")
        String name,

        @Size(max = 1000, message = "{validation.size.max}") String description,
        @Size(max = 128, message = "{validation.size.max}") String businessCategory,

        @Size(max = 64, message = "{validation.size.max}")
        @Pattern(regexp = "[\\p{Alnum} ./-]*", message = "{validation.useLettersDigitsSpacesOr}")
        String taxId,

        @Size(max = 128, message = "{validation.size.max}")
        @Pattern(regexp = "([a-zA-Z0-9-]+\\.)+[a-zA-Z]{2,}|", message = "{validation.enterADomainSuchAsExample}")
        String emailDomain) {}
