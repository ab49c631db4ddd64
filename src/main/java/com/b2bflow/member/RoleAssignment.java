package com.b2bflow.member;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * A role a user plays in an organization. Without a user, a role the organization may grant to its members
 * (assigned by a seller administrator when reviewing the organization).
 */
@Entity
public class RoleAssignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    private User user;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id")
    private Organization organization;

    @Column(name = "role_name")
    private String role;

    protected RoleAssignment() {}

    private RoleAssignment(User user, Organization organization, String role) {
        this.user = user;
        this.organization = organization;
        this.role = role;
    }

    public static RoleAssignment ofUser(User user, Organization organization, String role) {
        return new RoleAssignment(user, organization, role);
    }

    public static RoleAssignment grantableIn(Organization organization, String role) {
        return new RoleAssignment(null, organization, role);
    }

    public Long getId() {
        return id;
    }

    public User getUser() {
        return user;
    }

    public Organization getOrganization() {
        return organization;
    }

    public String getRole() {
        return role;
    }
}
