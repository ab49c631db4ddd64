package com.b2bflow.registration;

import com.b2bflow.member.AddressData;
import com.b2bflow.member.Names;
import com.b2bflow.member.Organization;
import com.b2bflow.member.ProfileType;
import java.util.List;

/**
 * What the creation steps of a registration's process make: the organization (absent when the user joins an
 * existing one) and the user. The submitter decides it from its flow's rules and stores it with the registration;
 * {@link RegistrationMembers} creates it when the process gets there, with what HCL's URLs carried beyond the form
 * ({@code hcl}, may be null). Never a secret.
 */
public record MemberDraft(NewOrganization organization, NewUser user, HclProfile hcl) {

    public MemberDraft(NewOrganization organization, NewUser user) {
        this(organization, user, null);
    }

    /** A pending organization under {@code parentId}, with its address. */
    public record NewOrganization(
            long parentId,
            String name,
            String description,
            String businessCategory,
            String taxId,
            String emailDomain,
            String erpCustomerNumber,
            AddressData address) {

        /** An existing organization that the user joins (its id in {@code parentId}), for the start variables. */
        public static NewOrganization joined(Organization organization, AddressData address) {
            return new NewOrganization(
                    organization.getId(),
                    organization.getName(),
                    organization.getDescription(),
                    organization.getBusinessCategory(),
                    organization.getTaxId(),
                    organization.getEmailDomain(),
                    null,
                    address);
        }
    }

    /**
     * The registering user, in {@code organizationId} (null: the organization this registration creates), with
     * {@code roles} there, an address unless {@code address} is null, and approved at once when {@code approved}.
     */
    public record NewUser(
            String logonId,
            String firstName,
            String middleName,
            String lastName,
            String email,
            String phone,
            String preferredLanguage,
            AddressData address,
            Long organizationId,
            ProfileType profileType,
            List<String> roles,
            boolean approved) {

        /** As {@code User.getDisplayName()} will say it. */
        public String displayName() {
            return Names.display(firstName, lastName, logonId);
        }

        public static NewUser of(
                UserData data,
                AddressData address,
                Long organizationId,
                RegistrationPolicy policy,
                List<String> roles) {
            return new NewUser(
                    data.logonId().strip(),
                    data.firstName(),
                    data.middleName(),
                    data.lastName(),
                    data.email(),
                    data.phone(),
                    data.preferredLanguage(),
                    address,
                    organizationId,
                    policy.profileType(),
                    roles,
                    false);
        }
    }

    public static NewOrganization organization(long parentId, OrganizationData data, AddressData address) {
        return new NewOrganization(
                parentId,
                data.name().strip(),
                data.description(),
                data.businessCategory(),
                data.taxId(),
                data.emailDomain(),
                null,
                address);
    }
}
