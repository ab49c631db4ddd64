package com.b2bflow.member;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
public class Organization {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Organization parent;

    private String name;
    private String nameNormalized;

    @Enumerated(EnumType.STRING)
    @Column(name = "org_type")
    private OrganizationType type;

    @Enumerated(EnumType.STRING)
    private ApprovalState state;

    private String description;
    private String businessCategory;
    private String taxId;
    private String emailDomain;
    private String email;
    private String taxPayerId;
    private String erpCustomerNumber;
    private Instant createdAt;

    @Version
    private long version;

    protected Organization() {}

    public Organization(String name, Organization parent, OrganizationType type, ApprovalState state) {
        this.parent = parent;
        this.type = type;
        this.state = state;
        this.createdAt = Instant.now();
        rename(name);
    }

    /**
     * The organization's registration was rejected: its name is free under its parent for anyone's new registration
     * (ADR 0022). A correction takes it back with {@link #rename}.
     */
    public void releaseName() {
        this.nameNormalized = Names.released(id);
    }

    public void rename(String newName) {
        this.name = newName.strip();
        this.nameNormalized = Names.normalize(newName);
    }

    public Long getId() {
        return id;
    }

    public Organization getParent() {
        return parent;
    }

    public String getName() {
        return name;
    }

    public OrganizationType getType() {
        return type;
    }

    public ApprovalState getState() {
        return state;
    }

    public void setState(ApprovalState state) {
        this.state = state;
    }

    public boolean isApproved() {
        return state == ApprovalState.APPROVED;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getBusinessCategory() {
        return businessCategory;
    }

    public void setBusinessCategory(String businessCategory) {
        this.businessCategory = businessCategory;
    }

    public String getTaxId() {
        return taxId;
    }

    public void setTaxId(String taxId) {
        this.taxId = taxId;
    }

    public String getEmailDomain() {
        return emailDomain;
    }

    public void setEmailDomain(String emailDomain) {
        this.emailDomain = emailDomain == null ? null : Names.normalize(emailDomain);
    }

    /** The organization's contact address ({@code org_email1}), not a user's. */
    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getTaxPayerId() {
        return taxPayerId;
    }

    public void setTaxPayerId(String taxPayerId) {
        this.taxPayerId = taxPayerId;
    }

    public String getErpCustomerNumber() {
        return erpCustomerNumber;
    }

    public void setErpCustomerNumber(String erpCustomerNumber) {
        this.erpCustomerNumber = erpCustomerNumber;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
