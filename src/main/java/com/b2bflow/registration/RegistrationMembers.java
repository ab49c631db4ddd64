package com.b2bflow.registration;

import static com.b2bflow.shared.Inputs.blankToNull;

import com.b2bflow.member.Address;
import com.b2bflow.member.AddressRepository;
import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.MemberAttribute;
import com.b2bflow.member.MemberAttributeRepository;
import com.b2bflow.member.Organization;
import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.member.OrganizationType;
import com.b2bflow.member.RoleAssignment;
import com.b2bflow.member.RoleAssignmentRepository;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the members a registration's process makes in its creation steps, from the {@link MemberDraft} its
 * submission stored: the pending organization with its address, then the user with address, roles and the password
 * hash kept with the submission. A registration that corrects a rejected one updates that one's members instead.
 */
@Service
public class RegistrationMembers {

    private final RegistrationRepository registrations;
    private final OrganizationRepository organizations;
    private final UserRepository users;
    private final AddressRepository addresses;
    private final RoleAssignmentRepository roles;
    private final NameReservations reservations;
    private final MemberAttributeRepository attributes;
    private final ObjectMapper json;

    RegistrationMembers(
            RegistrationRepository registrations,
            OrganizationRepository organizations,
            UserRepository users,
            AddressRepository addresses,
            RoleAssignmentRepository roles,
            NameReservations reservations,
            MemberAttributeRepository attributes,
            ObjectMapper json) {
        this.attributes = attributes;
        this.registrations = registrations;
        this.organizations = organizations;
        this.users = users;
        this.addresses = addresses;
        this.roles = roles;
        this.reservations = reservations;
        this.json = json;
    }

    /**
     * Creates (or, for a correction, updates) the pending organization and its address; returns its id. Run again
     * (an instance restarted from its start), it returns the organization created the first time.
     */
    @Transactional
    public long createOrganization(String registrationId) {
        Registration registration = registrations.require(registrationId);
        if (registration.getOrganization() != null) {
            return registration.getOrganization().getId();
        }
        MemberDraft draft = draft(registration);
        MemberDraft.NewOrganization data = draft.organization();
        if (data == null) {
            throw new IllegalStateException("Registration " + registrationId + " creates no organization");
        }
        Registration previous = registration.getPreviousRegistration();
        Organization organization = previous == null || previous.getOrganization() == null
                ? new Organization(
                        data.name(),
                        organizations.getReferenceById(data.parentId()),
                        OrganizationType.O,
                        ApprovalState.PENDING)
                : previous.getOrganization();
        organization.rename(data.name());
        organization.setState(ApprovalState.PENDING);
        organization.setDescription(blankToNull(data.description()));
        organization.setBusinessCategory(blankToNull(data.businessCategory()));
        organization.setTaxId(blankToNull(data.taxId()));
        organization.setEmailDomain(blankToNull(data.emailDomain()));
        if (data.erpCustomerNumber() != null) {
            organization.setErpCustomerNumber(data.erpCustomerNumber());
        }
        reservations.organizationCreated(registrationId);
        organizations.saveAndFlush(organization);
        if (previous != null) {
            // a corrected registration replaces its address; a new organization has none (no query for it)
            addresses.findFirstByOrganization(organization).ifPresent(addresses::delete);
        }
        addresses.save(Address.ofOrganization(organization, data.address()));
        applyHcl(organization, draft.hcl(), previous != null);
        registration.setOrganization(organization);
        return organization.getId();
    }

    /**
     * Creates (or, for a correction, updates) the registering user: pending and unable to sign in unless the draft
     * says approved, in the draft's organization or the one this registration created. Returns the user's id; run
     * again, the id of the user created the first time.
     */
    @Transactional
    public long createUser(String registrationId) {
        Registration registration = registrations.require(registrationId);
        if (registration.getUser() != null) {
            return registration.getUser().getId();
        }
        MemberDraft draft = draft(registration);
        MemberDraft.NewUser data = draft.user();
        Organization organization = data.organizationId() == null
                ? registration.getOrganization()
                : organizations.getReferenceById(data.organizationId());
        if (organization == null) {
            throw new IllegalStateException("Registration " + registrationId + " has no organization for its user "
                    + "yet: its organization is created first");
        }
        User existing = registration.getPreviousRegistration() == null
                ? null
                : registration.getPreviousRegistration().getUser();
        User user = existing == null ? new User(data.logonId(), organization, data.profileType()) : existing;
        if (existing != null) {
            existing.reclaimLogonId();
        }
        user.setOrganization(organization);
        if (data.approved()) {
            user.approve();
        } else {
            user.setRegistrationState(ApprovalState.PENDING);
            user.setEnabled(false);
        }
        user.setFirstName(blankToNull(data.firstName()));
        user.setMiddleName(blankToNull(data.middleName()));
        user.setLastName(blankToNull(data.lastName()));
        user.setEmail(blankToNull(data.email()));
        user.setPhone(blankToNull(data.phone()));
        user.setPreferredLanguage(blankToNull(data.preferredLanguage()));
        registration.handPasswordHashTo(user);
        reservations.userCreated(registrationId);
        users.saveAndFlush(user);
        if (existing != null) {
            // a corrected registration's user gets its address and roles anew; a new user has none (no queries)
            addresses.findFirstByUser(user).ifPresent(addresses::delete);
            roles.deleteByUser(user);
            roles.flush();
        }
        if (data.address() != null) {
            addresses.save(Address.ofUser(user, data.address()));
        }
        data.roles().forEach(role -> roles.save(RoleAssignment.ofUser(user, organization, role)));
        roles.flush();
        applyHcl(user, draft.hcl(), existing != null);
        registration.setUser(user);
        registration.setMemberDraft(null);
        return user.getId();
    }

    /** What HCL's URLs carried for the organization beyond the form; a correction's replace the earlier ones. */
    private void applyHcl(Organization organization, HclProfile hcl, boolean correction) {
        if (correction) {
            attributes.deleteByOrganization(organization);
        }
        if (hcl == null) {
            return;
        }
        organization.setEmail(blankToNull(hcl.organizationEmail()));
        organization.setTaxPayerId(blankToNull(hcl.organizationTaxPayerId()));
        hcl.organizationAttributes()
                .forEach((table, values) -> values.forEach((name, value) ->
                        attributes.save(MemberAttribute.ofOrganization(organization, table, name, value))));
    }

    /** What HCL's URLs carried for the user beyond the form; a correction's replace the earlier ones. */
    private void applyHcl(User user, HclProfile hcl, boolean correction) {
        if (correction) {
            attributes.deleteByUser(user);
        }
        if (hcl == null) {
            return;
        }
        user.setPreferredCurrency(hcl.preferredCurrency());
        user.setReceiveEmail(hcl.receiveEmail());
        hcl.userAttributes()
                .forEach((table, values) -> values.forEach(
                        (name, value) -> attributes.save(MemberAttribute.ofUser(user, table, name, value))));
    }

    /** The draft as JSON, for the submission record. */
    String toJson(MemberDraft draft) {
        try {
            return json.writeValueAsString(draft);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize the members of a registration", e);
        }
    }

    private MemberDraft draft(Registration registration) {
        if (registration.getMemberDraft() == null) {
            throw new IllegalStateException("Registration " + registration.getId() + " has no members to create");
        }
        try {
            return json.readValue(registration.getMemberDraft(), MemberDraft.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read the members of registration " + registration.getId(), e);
        }
    }
}
