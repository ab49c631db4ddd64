package com.b2bflow.cloudsuite;

import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.Organization;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Approved organizations that may be the customer a partial registration belongs to. */
interface CustomerSearch extends Repository<Organization, Long> {

    @Query("""
            select o from Organization o
            where o.state = :state and (o.nameNormalized like concat('%', :name, '%')
               or (:taxId is not null and o.taxId = :taxId)
               or (:emailDomain is not null and o.emailDomain = :emailDomain))
            order by o.name
            """)
    List<Organization> findCandidates(
            @Param("state") ApprovalState state,
            @Param("name") String nameNormalized,
            @Param("taxId") String taxId,
            @Param("emailDomain") String emailDomain,
            Pageable page);
}
