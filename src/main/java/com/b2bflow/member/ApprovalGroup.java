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
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.util.LinkedHashSet;
import java.util.Set;

/** The members of an organization who approve requests of one type (e.g. buyer registrations) for it. */
@Entity
public class ApprovalGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id")
    private Organization organization;

    @Enumerated(EnumType.STRING)
    @Column(name = "group_type")
    private ApprovalType type;

    @ManyToMany
    @JoinTable(
            name = "approval_group_approver",
            joinColumns = @JoinColumn(name = "approval_group_id"),
            inverseJoinColumns = @JoinColumn(name = "user_id"))
    private Set<User> approvers = new LinkedHashSet<>();

    @Version
    private long version;

    protected ApprovalGroup() {}

    public ApprovalGroup(Organization organization, ApprovalType type) {
        this.organization = organization;
        this.type = type;
    }

    public Long getId() {
        return id;
    }

    public Organization getOrganization() {
        return organization;
    }

    public ApprovalType getType() {
        return type;
    }

    public Set<User> getApprovers() {
        return approvers;
    }
}
