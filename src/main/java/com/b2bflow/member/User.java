package com.b2bflow.member;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A storefront user (buyer, buyer administrator, reseller administrator, shop customer). */
@Entity
@Table(name = "member_user")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id")
    private Organization organization;

    private String logonId;
    private String logonIdNormalized;
    private String email;
    private String firstName;
    private String middleName;
    private String lastName;
    private String phone;
    private String preferredLanguage;
    private String preferredCurrency;
    private Boolean receiveEmail;
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private ProfileType profileType;

    @Enumerated(EnumType.STRING)
    private ApprovalState registrationState;

    private boolean enabled;
    private int failedLoginCount;
    private Instant lastLoginAt;
    private Instant lockedUntil;
    private Instant createdAt;

    @Version
    private long version;

    protected User() {}

    public User(String logonId, Organization organization, ProfileType profileType) {
        this.logonId = logonId.strip();
        this.logonIdNormalized = Names.normalize(logonId);
        this.organization = organization;
        this.profileType = profileType;
        this.registrationState = ApprovalState.PENDING;
        this.createdAt = Instant.now();
    }

    /** Approved and enabled: the user may sign in. */
    public void approve() {
        registrationState = ApprovalState.APPROVED;
        enabled = true;
    }

    /**
     * Rejected: the account can no longer be used, and its logon id is free for anyone's new registration at once
     * (ADR 0022). The logon id stays on the row, for the sign-in message and the correction, which takes it back.
     */
    public void reject() {
        registrationState = ApprovalState.REJECTED;
        enabled = false;
        logonIdNormalized = Names.released(id);
    }

    /** A correction of the rejected registration holds the logon id again (409 first if someone else took it). */
    public void reclaimLogonId() {
        logonIdNormalized = Names.normalize(logonId);
    }

    /** The applicant withdrew their pending registration: the account can no longer be used. */
    public void withdraw() {
        registrationState = ApprovalState.WITHDRAWN;
        enabled = false;
    }

    public void recordSuccessfulLogin() {
        failedLoginCount = 0;
        lockedUntil = null;
        lastLoginAt = Instant.now();
    }

    public void recordFailedLogin() {
        failedLoginCount++;
    }

    /**
     * Counts a failed sign-in; the {@code maxFailures}-th in a row locks the account for {@code lockDuration} and
     * starts the count afresh. Failures while locked do not count (nor extend the lock).
     *
     * @return whether this failure locked the account
     */
    public boolean recordFailedLogin(int maxFailures, java.time.Duration lockDuration, Instant now) {
        if (isLocked(now)) {
            return false;
        }
        failedLoginCount++;
        if (failedLoginCount >= maxFailures) {
            failedLoginCount = 0;
            lockedUntil = now.plus(lockDuration);
            return true;
        }
        return false;
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    /** Lifts a lock (staff unlock) and forgets earlier failures. */
    public void unlock() {
        lockedUntil = null;
        failedLoginCount = 0;
    }

    /** First and last name; what the user gave of them, else (HCL requires neither) the logon id. */
    public String getDisplayName() {
        return Names.display(firstName, lastName, logonId);
    }

    public Long getId() {
        return id;
    }

    public Organization getOrganization() {
        return organization;
    }

    public void setOrganization(Organization organization) {
        this.organization = organization;
    }

    public String getLogonId() {
        return logonId;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getMiddleName() {
        return middleName;
    }

    public void setMiddleName(String middleName) {
        this.middleName = middleName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    /** ISO 4217 code, or null. */
    public String getPreferredCurrency() {
        return preferredCurrency;
    }

    public void setPreferredCurrency(String preferredCurrency) {
        this.preferredCurrency = preferredCurrency;
    }

    /** Marketing consent ({@code usr_receiveEmail}); null when it was never asked. */
    public Boolean getReceiveEmail() {
        return receiveEmail;
    }

    public void setReceiveEmail(Boolean receiveEmail) {
        this.receiveEmail = receiveEmail;
    }

    public String getPreferredLanguage() {
        return preferredLanguage;
    }

    public void setPreferredLanguage(String preferredLanguage) {
        this.preferredLanguage = preferredLanguage;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public ProfileType getProfileType() {
        return profileType;
    }

    public ApprovalState getRegistrationState() {
        return registrationState;
    }

    public void setRegistrationState(ApprovalState registrationState) {
        this.registrationState = registrationState;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getFailedLoginCount() {
        return failedLoginCount;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
