package com.b2bflow.registration;

/**
 * The policy sections of the registration configuration (HCL Commerce's member registration attributes,
 * MemberRegistrationAttributes.xml).
 */
public enum RegistrationType {
    BuyerRegistration(true),
    ResellerRegistration(true),
    UserRegistration(false),
    ShopRegistration(true),
    ErpRegistration(true),
    ErpApprovalRegistration(true),
    ShopApprovalRegistration(false),
    SuperuserCreation(false);

    private final boolean createsOrganization;

    RegistrationType(boolean createsOrganization) {
        this.createsOrganization = createsOrganization;
    }

    /** Whether registrations of this type create an organization, which then needs a registration parent. */
    public boolean createsOrganization() {
        return createsOrganization;
    }
}
