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

    /** The last day for which the expiry warning went out; an extension moves the last day and re-arms it. */
    private LocalDate expiryWarnedFor;

    @Version
    private long version;

    protected Contract() {}

    Contract(Account account, ContractTerms agreed) {
        this.account = account;
        this.name = agreed.name();
        this.terms = agreed.terms();
        this.validFrom = agreed.validFrom();
        this.validTo = agreed.validTo();
        this.state = AccountState.PENDING;
    }

    void activate() {
        state = AccountState.ACTIVE;
    }

    /** Moves the last day; the caller has checked it against the first day. */
    void lastDay(LocalDate lastDay) {
        validTo = lastDay;
    }

    /** In force, ending within {@code leadDays} of today, and not yet warned about this last day. */
    public boolean expiryWarningDue(LocalDate today, int leadDays) {
        return state == AccountState.ACTIVE
                && validTo != null
                && !validTo.isBefore(today)
                && !validTo.isAfter(today.plusDays(leadDays))
                && !validTo.equals(expiryWarnedFor);
    }

    void expiryWarned() {
        expiryWarnedFor = validTo;
    }

    /** Active and valid on the given day. */
    public boolean isInForceOn(LocalDate day) {
        return state == AccountState.ACTIVE && !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    public Long getId() {
        return id;
    }

    public Account getAccount() {
        return account;
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
