package com.b2bflow.registration;

/**
 * The names a submission reserves until its members exist: the logon id, and the organization name under its parent
 * and the ERP customer number when the registration creates an organization (null otherwise).
 */
public record ReservedNames(String logonId, Long parentId, String organizationName, String erpCustomerNumber) {

    public static ReservedNames user(String logonId) {
        return new ReservedNames(logonId, null, null, null);
    }

    public static ReservedNames organization(String logonId, long parentId, String organizationName) {
        return new ReservedNames(logonId, parentId, organizationName, null);
    }

    static ReservedNames of(MemberDraft draft) {
        MemberDraft.NewOrganization organization = draft.organization();
        return organization == null
                ? user(draft.user().logonId())
                : new ReservedNames(
                        draft.user().logonId(),
                        organization.parentId(),
                        organization.name(),
                        organization.erpCustomerNumber());
    }
}
