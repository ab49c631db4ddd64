package com.b2bflow.account;

import com.b2bflow.member.Organization;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The business account a seller keeps for a buyer organization; orders run under its contracts. */
@Entity
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id")
    private Organization organization;

    private String name;

    @Enumerated(EnumType.STRING)
    private AccountState state;

    private Instant createdAt;

    @OneToMany(mappedBy = "account", cascade = CascadeType.ALL)
    private List<Contract> contracts = new ArrayList<>();

    @Version
    private long version;

    protected Account() {}

    public Account(Organization organization, String name) {
        this.organization = organization;
        this.name = name;
        this.state = AccountState.PENDING;
        this.createdAt = Instant.now();
    }

    /** A contract of this account; in force at once when the account is active already. */
    public Contract addContract(ContractTerms agreed) {
        Contract contract = new Contract(this, agreed);
        if (state == AccountState.ACTIVE) {
            contract.activate();
        }
        contracts.add(contract);
        return contract;
    }

    public void activate() {
        state = AccountState.ACTIVE;
        contracts.forEach(Contract::activate);
    }

    public void close() {
        state = AccountState.CLOSED;
    }

    public Long getId() {
        return id;
    }

    public Organization getOrganization() {
        return organization;
    }

    public String getName() {
        return name;
    }

    public AccountState getState() {
        return state;
    }

    public List<Contract> getContracts() {
        return contracts;
    }
}
