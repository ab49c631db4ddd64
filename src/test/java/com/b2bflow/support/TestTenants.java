package com.b2bflow.support;

import com.b2bflow.account.Account;
import com.b2bflow.account.AccountRepository;
import com.b2bflow.activation.OneTimeTokens;
import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.Organization;
import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.member.OrganizationType;
import com.b2bflow.member.ProfileType;
import com.b2bflow.member.RoleAssignment;
import com.b2bflow.member.RoleAssignmentRepository;
import com.b2bflow.member.Roles;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.registration.RegistrationParents;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Approved buyer organizations made directly in the member tables, each with a sub-organization, an active account
 * with a contract in force, and users who can sign in with {@link TestRegistrations#PASSWORD}: a Buyer
 * Administrator (also Buyer Approver), a Buyer Approver, a Buyer, and a buyer in the sub-organization to act on.
 */
@Component
public class TestTenants {

    private final OrganizationRepository organizations;
    private final UserRepository users;
    private final RoleAssignmentRepository roles;
    private final AccountRepository accounts;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    public TestTenants(
            OrganizationRepository organizations,
            UserRepository users,
            RoleAssignmentRepository roles,
            AccountRepository accounts,
            TransactionTemplate transactions,
            JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.users = users;
        this.roles = roles;
        this.accounts = accounts;
        this.transactions = transactions;
    }

    public record Tenant(
            long organizationId,
            String organizationName,
            long subOrganizationId,
            long adminId,
            String admin,
            long approverId,
            String approver,
            long buyerId,
            String buyer,
            long subBuyerId,
            String subBuyer,
            long contractId) {}

    public Tenant create() {
        String key = TestRegistrations.unique("t");
        return transactions.execute(status -> {
            Organization organization = organizations.save(new Organization(
                    key + " Corp",
                    organizations.getReferenceById(RegistrationParents.ROOT_ORGANIZATION_ID),
                    OrganizationType.O,
                    ApprovalState.APPROVED));
            Organization sub = organizations.save(
                    new Organization(key + " Purchasing", organization, OrganizationType.OU, ApprovalState.APPROVED));
            Account account = new Account(organization, key + " account");
            com.b2bflow.account.Contract contract = account.addContract(new com.b2bflow.account.ContractTerms(
                    "Standard", null, LocalDate.now().minusDays(1), null));
            account.activate();
            accounts.saveAndFlush(account);
            User admin = user(key + "-admin", "Ada", organization, Roles.BUYER_ADMINISTRATOR, Roles.BUYER_APPROVER);
            User approver = user(key + "-approver", "Abe", organization, Roles.BUYER_APPROVER, Roles.BUYER);
            User buyer = user(key + "-buyer", "Bea", organization, Roles.BUYER);
            User subBuyer = user(key + "-subbuyer", "Sam", sub, Roles.BUYER);
            return new Tenant(
                    organization.getId(),
                    organization.getName(),
                    sub.getId(),
                    admin.getId(),
                    admin.getLogonId(),
                    approver.getId(),
                    approver.getLogonId(),
                    buyer.getId(),
                    buyer.getLogonId(),
                    subBuyer.getId(),
                    subBuyer.getLogonId(),
                    contract.getId());
        });
    }

    /** One more buyer in the organization (e.g. to delete). */
    public long buyerIn(long organizationId) {
        return transactions.execute(status -> user(
                        TestRegistrations.unique("extra"),
                        "Eve",
                        organizations.getReferenceById(organizationId),
                        Roles.BUYER)
                .getId());
    }

    /** A pending invitation into the organization (e.g. to revoke); its token is unknown, so nobody can use it. */
    public long invitationIn(long organizationId) {
        return invitation(organizationId, TestRegistrations.unique("hash"));
    }

    /** A pending invitation into the organization to a new address; its raw token, as the mail's link carries it. */
    public String invitationLinkIn(long organizationId) {
        String token = OneTimeTokens.newToken();
        invitation(organizationId, OneTimeTokens.hash(token));
        return token;
    }

    private long invitation(long organizationId, String tokenHash) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        Instant now = Instant.now();
        jdbc.update(
                connection -> {
                    PreparedStatement insert = connection.prepareStatement(
                            "insert into invitation (organization_id, email,"
                                    + " token_hash, invited_by, created_at, expires_at) values (?, ?, ?, 'fixture', ?, ?)",
                            new String[] {"id"});
                    insert.setLong(1, organizationId);
                    insert.setString(2, TestRegistrations.unique("invited") + "@example.com");
                    insert.setString(3, tokenHash);
                    insert.setTimestamp(4, Timestamp.from(now));
                    insert.setTimestamp(5, Timestamp.from(now.plus(Duration.ofDays(7))));
                    return insert;
                },
                key);
        return key.getKey().longValue();
    }

    /** One more empty sub-organization (e.g. to delete). */
    public long subOrganizationOf(long organizationId) {
        return transactions.execute(status -> organizations
                .save(new Organization(
                        TestRegistrations.unique("Leaf"),
                        organizations.getReferenceById(organizationId),
                        OrganizationType.OU,
                        ApprovalState.APPROVED))
                .getId());
    }

    private User user(String logonId, String firstName, Organization organization, String... roleNames) {
        User user = new User(logonId, organization, ProfileType.B);
        user.setFirstName(firstName);
        user.setLastName("Tester");
        user.setEmail(logonId + "@example.com");
        user.setPasswordHash(TestPasswords.hash());
        user.approve();
        users.saveAndFlush(user);
        for (String role : List.of(roleNames)) {
            roles.save(RoleAssignment.ofUser(user, organization, role));
        }
        return user;
    }
}
