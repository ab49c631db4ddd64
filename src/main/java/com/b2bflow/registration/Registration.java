package com.b2bflow.registration;

import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.Organization;
import com.b2bflow.member.User;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/** One submitted registration: what was submitted (never a secret), its process, and its outcome. */
@Entity
public class Registration {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    private RegistrationFlow flow;

    @Enumerated(EnumType.STRING)
    private ApprovalState state;

    private String step;
    private String submittedData;
    private String applicantEmail;
    private String processInstanceId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id")
    private Organization organization;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    private User user;

    private String decisionReason;
    private String decidedBy;
    private Instant submittedAt;
    private Instant decidedAt;
    private String consentVersion;
    private Instant consentAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "previous_registration_id")
    private Registration previousRegistration;

    /** What the process's creation steps make ({@link MemberDraft} as JSON); cleared once the user exists. */
    private String memberDraft;

    /**
     * The registering user's password hash until the creation step hands it to the user: kept with the submission,
     * never a process variable.
     */
    private String passwordHash;

    /** The hash while it is still being computed, for a creation step in the submission's own transaction. */
    @Transient
    private PendingPasswordHash pendingPasswordHash;

    @Transient
    private boolean passwordHashHandedOver;

    /** Null until persisted: with an assigned id, that is how Spring Data knows to persist rather than merge. */
    @Version
    private Long version;

    protected Registration() {}

    public Registration(RegistrationFlow flow, String submittedData, String applicantEmail) {
        this(newPublicId(), flow, submittedData, applicantEmail);
    }

    /** With an id chosen before the registration is saved (its names are reserved under it first). */
    public Registration(String id, RegistrationFlow flow, String submittedData, String applicantEmail) {
        this.id = id;
        this.flow = flow;
        this.state = ApprovalState.PENDING;
        this.submittedData = submittedData;
        this.applicantEmail = applicantEmail;
        this.submittedAt = Instant.now();
    }

    /** 128 random bits, URL-safe: the id the applicant gets back and the process business key. */
    public static String newPublicId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The applicant agreed to this version of the terms and privacy notice when submitting (null: no consent given). */
    public void recordConsent(String version) {
        this.consentVersion = version;
        this.consentAt = version == null ? null : submittedAt;
    }

    public String getConsentVersion() {
        return consentVersion;
    }

    public Instant getConsentAt() {
        return consentAt;
    }

    public void approve(String decidedBy) {
        decide(ApprovalState.APPROVED, decidedBy, null);
    }

    public void reject(String decidedBy, String reason) {
        decide(ApprovalState.REJECTED, decidedBy, reason);
    }

    /** The applicant withdrew the pending registration (recorded like a decision, by the applicant). */
    public void withdraw(String withdrawnBy) {
        decide(ApprovalState.WITHDRAWN, withdrawnBy, null);
    }

    private void decide(ApprovalState outcome, String decider, String reason) {
        if (state != ApprovalState.PENDING) {
            throw new RegistrationAlreadyDecidedException(id, state);
        }
        this.state = outcome;
        this.decidedBy = decider;
        this.decisionReason = reason;
        this.decidedAt = Instant.now();
        this.step = outcome.name();
    }

    /** Keeps the hash (when it is ready, or just before the submission commits) until {@link #handPasswordHashTo}. */
    void holdPasswordHash(PendingPasswordHash hash) {
        pendingPasswordHash = hash;
        hash.writeTo(value -> {
            if (!passwordHashHandedOver) {
                passwordHash = value;
            }
        });
    }

    /** Gives the user the held hash (none for flows without a password) and forgets it here. */
    void handPasswordHashTo(User target) {
        if (pendingPasswordHash != null) {
            pendingPasswordHash.writeTo(target::setPasswordHash);
        } else {
            target.setPasswordHash(passwordHash);
        }
        passwordHashHandedOver = true;
        passwordHash = null;
    }

    String getMemberDraft() {
        return memberDraft;
    }

    void setMemberDraft(String memberDraft) {
        this.memberDraft = memberDraft;
    }

    public String getId() {
        return id;
    }

    public RegistrationFlow getFlow() {
        return flow;
    }

    public ApprovalState getState() {
        return state;
    }

    public String getStep() {
        return step;
    }

    public void setStep(String step) {
        this.step = step;
    }

    public String getSubmittedData() {
        return submittedData;
    }

    public String getApplicantEmail() {
        return applicantEmail;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public void setProcessInstanceId(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public Organization getOrganization() {
        return organization;
    }

    public void setOrganization(Organization organization) {
        this.organization = organization;
    }

    public User getUser() {
        return user;
    }

    public void setUser(User user) {
        this.user = user;
    }

    public String getDecisionReason() {
        return decisionReason;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public Registration getPreviousRegistration() {
        return previousRegistration;
    }

    public void setPreviousRegistration(Registration previousRegistration) {
        this.previousRegistration = previousRegistration;
    }
}
