package com.b2bflow.account;

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
import java.time.LocalDate;

@Entity
public class Contract {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id")
    private Account account;

    private String name;
    private String terms;
    private LocalDate validFrom;
    private LocalDate validTo;

    @Enumerated(EnumType.STRING)
    private AccountState state;

    @Version
    private long version;

    protected Contract() {
    }

    Contract(Account account, String name, String terms, LocalDate validFrom, LocalDate validTo) {
        this.account = account;
        this.name = name;
        this.terms = terms;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.state = AccountState.PENDING;
    }

    void activate() {
        state = AccountState.ACTIVE;
    }

    /** Active and valid on the given day. */
    public boolean isInForceOn(LocalDate day) {
        return state == AccountState.ACTIVE && !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getTerms() {
        return terms;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public AccountState getState() {
        return state;
    }
}
