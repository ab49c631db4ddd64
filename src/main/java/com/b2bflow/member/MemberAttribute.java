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
 * A registration parameter of HCL Commerce's URLs that has no column of its own here (business profile,
 * demographics, further address and profile fields), kept under the HCL table that holds it there, so that what a
 * client sent is stored rather than dropped. Removed with its user or organization (database cascade).
 */
@Entity
public class MemberAttribute {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    private User user;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id")
    private Organization organization;

    private String hclTable;
    private String name;

    @Column(name = "attribute_value")
    private String value;

    protected MemberAttribute() {}

    private MemberAttribute(User user, Organization organization, String hclTable, String name, String value) {
        this.user = user;
        this.organization = organization;
        this.hclTable = hclTable;
        this.name = name;
        this.value = value;
    }

    public static MemberAttribute ofUser(User user, String hclTable, String name, String value) {
        return new MemberAttribute(user, null, hclTable, name, value);
    }

    public static MemberAttribute ofOrganization(
            Organization organization, String hclTable, String name, String value) {
        return new MemberAttribute(null, organization, hclTable, name, value);
    }

    public String getHclTable() {
        return hclTable;
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }
}
