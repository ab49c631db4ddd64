package com.b2bflow.registration;

import java.util.Arrays;
import java.util.Optional;

/** Each registration flow: its path segment in the JSON API, its BPMN process key and its policy. */
public enum RegistrationFlow {
    ORGANIZATION("organization", "orgSelfRegistration", RegistrationType.BuyerRegistration),
    RESELLER("reseller", "resellerRegistration", RegistrationType.ResellerRegistration),
    BUYER("buyer", "buyerSelfRegistration", RegistrationType.UserRegistration),
    SHOP("shop", "shopRegistration", RegistrationType.ShopRegistration),
    ERP_EXTERNAL("erp-external", "erpExternalRegistration", RegistrationType.ErpRegistration),
    ERP_APPROVAL("erp-approval", "erpApprovalRegistration", RegistrationType.ErpApprovalRegistration),
    SHOP_APPROVAL("shop-approval", "shopApprovalRegistration", RegistrationType.ShopApprovalRegistration),
    SUPERUSER("superuser", "superuserUserCreation", RegistrationType.SuperuserCreation),
    /** A buyer invited by their organization's administrator: the UserRegistration policy's roles, no approval. */
    INVITATION("invitation", "buyerInvitation", RegistrationType.UserRegistration);

    private final String pathSegment;
    private final String processKey;
    private final RegistrationType policyType;

    RegistrationFlow(String pathSegment, String processKey, RegistrationType policyType) {
        this.pathSegment = pathSegment;
        this.processKey = processKey;
        this.policyType = policyType;
    }

    public static Optional<RegistrationFlow> fromPathSegment(String segment) {
        return Arrays.stream(values())
                .filter(flow -> flow.pathSegment.equals(segment))
                .findFirst();
    }

    public String pathSegment() {
        return pathSegment;
    }

    public String processKey() {
        return processKey;
    }

    public RegistrationType policyType() {
        return policyType;
    }
}
