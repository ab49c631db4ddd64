package com.b2bflow.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The organization part of a registration ({@code org_} parameters in the HCL-compatible URLs). */
public record OrganizationData(
        @NotBlank(message = "Enter the organization's name") @Size(max = 128)
        String name,

        @Size(max = 1000) String description,
        @Size(max = 128) String businessCategory,

        @Size(max = 64) @Pattern(regexp = "[\\p{Alnum} ./-]*", message = "Use letters, digits, spaces, '.', '/' or '-'")
        String taxId,

        @Size(max = 128)
        @Pattern(regexp = "([a-zA-Z0-9-]+\\.)+[a-zA-Z]{2,}|", message = "Enter a domain such as example.com")
        String emailDomain) {}
