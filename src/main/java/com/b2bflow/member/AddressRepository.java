package com.b2bflow.member;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AddressRepository extends JpaRepository<Address, Long> {

    Optional<Address> findFirstByOrganization(Organization organization);

    Optional<Address> findFirstByUser(User user);
}
