package com.b2bflow.buyeradmin;

import com.b2bflow.member.User;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Searches over storefront users; {@code pattern} is a lower-case LIKE pattern such as {@code %smith%}. */
public interface MemberSearch extends Repository<User, Long> {

    @Query("""
            select u from User u join fetch u.organization o
            where o.id = :organizationId
            order by lower(u.lastName), lower(u.firstName), u.logonIdNormalized
            """)
    List<User> buyersOf(@Param("organizationId") long organizationId);

    @Query("""
            select u from User u join fetch u.organization o
            where o.id = :organizationId
              and (u.logonIdNormalized like :pattern escape '\\' or lower(u.email) like :pattern escape '\\'
                   or lower(u.firstName) like :pattern escape '\\' or lower(u.lastName) like :pattern escape '\\'
                   or lower(concat(coalesce(u.firstName, ''), ' ', u.lastName)) like :pattern escape '\\')
            order by lower(u.lastName), lower(u.firstName), u.logonIdNormalized
            """)
    List<User> buyersOf(@Param("organizationId") long organizationId, @Param("pattern") String pattern);

    /** Customers anywhere, by name, logon id, email or organization name. */
    @Query("""
            select u from User u join fetch u.organization o
            where u.logonIdNormalized like :pattern escape '\\' or lower(u.email) like :pattern escape '\\'
               or lower(u.firstName) like :pattern escape '\\' or lower(u.lastName) like :pattern escape '\\'
               or lower(concat(coalesce(u.firstName, ''), ' ', u.lastName)) like :pattern escape '\\'
               or o.nameNormalized like :pattern escape '\\'
            order by lower(u.lastName), lower(u.firstName), u.logonIdNormalized
            """)
    List<User> customers(@Param("pattern") String pattern, Pageable page);

    static String pattern(String query) {
        String escaped = query.strip()
                .toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
