package com.b2bflow.member;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A postal address of an organization or of a user. */
@Entity
public class Address {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id")
    private Organization organization;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    private User user;

    private String address1;
    private String address2;
    private String city;
    private String stateProvince;
    private String postalCode;
    private String country;
    private String phone;

    protected Address() {}

    public Address(AddressData data) {
        this.address1 = data.address1();
        this.address2 = data.address2();
        this.city = data.city();
        this.stateProvince = data.state();
        this.postalCode = data.postalCode();
        this.country = data.country();
        this.phone = data.phone();
    }

    public static Address ofOrganization(Organization organization, AddressData data) {
        Address address = new Address(data);
        address.organization = organization;
        return address;
    }

    public static Address ofUser(User user, AddressData data) {
        Address address = new Address(data);
        address.user = user;
        return address;
    }

    public AddressData toData() {
        return new AddressData(address1, address2, city, stateProvince, postalCode, country, phone);
    }

    public String summary() {
        return Stream.of(
                        address1,
                        address2,
                        Stream.of(postalCode, city).filter(Objects::nonNull).collect(Collectors.joining(" ")),
                        stateProvince,
                        country)
                .filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(", "));
    }

    public Long getId() {
        return id;
    }

    public Organization getOrganization() {
        return organization;
    }

    public User getUser() {
        return user;
    }
}
