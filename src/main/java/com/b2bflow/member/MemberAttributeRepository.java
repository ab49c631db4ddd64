package com.b2bflow.member;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MemberAttributeRepository extends JpaRepository<MemberAttribute, Long> {

    List<MemberAttribute> findByUserOrderByHclTableAscNameAsc(User user);

    List<MemberAttribute> findByOrganizationOrderByHclTableAscNameAsc(Organization organization);

    void deleteByUser(User user);

    void deleteByOrganization(Organization organization);
}
