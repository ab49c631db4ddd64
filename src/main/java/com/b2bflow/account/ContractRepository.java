package com.b2bflow.account;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ContractRepository extends JpaRepository<Contract, Long> {

    /** Active contracts whose last day falls in the window; {@link Contract#expiryWarningDue} decides the rest. */
    @Query("select c from Contract c join fetch c.account a join fetch a.organization"
            + " where c.state = com.b2bflow.account.AccountState.ACTIVE and c.validTo between :from and :to")
    List<Contract> endingBetween(LocalDate from, LocalDate to);
}
