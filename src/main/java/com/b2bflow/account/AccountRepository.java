package com.b2bflow.account;

import com.b2bflow.member.Organization;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountRepository extends JpaRepository<Account, Long> {

    List<Account> findByOrganization(Organization organization);
}
