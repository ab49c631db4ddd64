package com.b2bflow.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.support.MigrationDatabases;
import com.b2bflow.support.TestTiers;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * V24 gives the organizations approved before every new organization got a User Registration approval group one,
 * with their Buyer Administrators as approvers, and leaves everything else alone. On H2, or on PostgreSQL in the
 * PostgreSQL pass ({@code test.database=postgres}).
 */
@Tag(TestTiers.DATABASE)
class UserRegistrationGroupMigrationTest {

    private HikariDataSource dataSource;

    @AfterEach
    void closeDatabase() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    @Test
    void approvedOrganizationsWithoutApproversGetTheirAdministratorsAsApprovers() throws SQLException {
        dataSource = MigrationDatabases.create("v24");
        flyway().target("23").load().migrate();
        long parent;
        long open;
        long openAdmin;
        long emptyGroup;
        long emptyGroupAdmin;
        long decided;
        long decidedApprover;
        long pending;
        long subOrganization;
        try (Connection c = dataSource.getConnection()) {
            parent = organization(c, null, "Buyer Organizations", "APPROVED");
            open = organization(c, parent, "Open Tools", "APPROVED");
            openAdmin = user(c, open, "open-admin", true, "Buyer Administrator");
            user(c, open, "open-buyer", true, "Buyer");
            user(c, open, "open-disabled-admin", false, "Buyer Administrator");
            registration(c, "reg-open", "ORGANIZATION", "APPROVED", open, openAdmin);

            emptyGroup = organization(c, parent, "Empty Group Ltd", "APPROVED");
            emptyGroupAdmin = user(c, emptyGroup, "empty-admin", true, "Buyer Administrator");
            registration(c, "reg-empty", "RESELLER", "APPROVED", emptyGroup, emptyGroupAdmin);
            group(c, emptyGroup);

            decided = organization(c, parent, "Decided GmbH", "APPROVED");
            long decidedAdmin = user(c, decided, "decided-admin", true, "Buyer Administrator");
            decidedApprover = user(c, decided, "decided-approver", true, "Buyer Approver");
            registration(c, "reg-decided", "ORGANIZATION", "APPROVED", decided, decidedAdmin);
            approver(c, group(c, decided), decidedApprover);

            pending = organization(c, parent, "Pending Inc", "PENDING");
            long pendingAdmin = user(c, pending, "pending-admin", false, "Buyer Administrator");
            registration(c, "reg-pending", "ORGANIZATION", "PENDING", pending, pendingAdmin);

            subOrganization = organization(c, open, "Purchasing", "APPROVED");
        }

        flyway().load().migrate();

        try (Connection c = dataSource.getConnection()) {
            assertThat(approvers(c, open)).containsExactly("open-admin");
            assertThat(approvers(c, emptyGroup))
                    .as("a group without approvers gets them")
                    .containsExactly("empty-admin");
            assertThat(approvers(c, decided))
                    .as("approvers chosen before stay as they are")
                    .containsExactly("decided-approver");
            assertThat(groups(c, pending))
                    .as("not approved yet: the activation gives it the group")
                    .isZero();
            assertThat(groups(c, subOrganization))
                    .as("sub-organizations use the approvers above them")
                    .isZero();
        }
    }

    private long organization(Connection c, Long parentId, String name, String state) throws SQLException {
        return insert(
                c,
                "INSERT INTO organization (parent_id, name, name_normalized, org_type, state, created_at) "
                        + "VALUES (?, ?, ?, 'O', ?, CURRENT_TIMESTAMP)",
                parentId,
                name,
                name.toLowerCase(),
                state);
    }

    private long user(Connection c, long organizationId, String logonId, boolean enabled, String role)
            throws SQLException {
        long id = insert(
                c,
                "INSERT INTO member_user (organization_id, logon_id, logon_id_normalized, email, last_name, "
                        + "profile_type, registration_state, enabled, created_at) "
                        + "VALUES (?, ?, ?, ?, 'Doe', 'B', ?, ?, CURRENT_TIMESTAMP)",
                organizationId,
                logonId,
                logonId,
                logonId + "@example.com",
                enabled ? "APPROVED" : "PENDING",
                enabled);
        insert(
                c,
                "INSERT INTO role_assignment (user_id, organization_id, role_name) VALUES (?, ?, ?)",
                id,
                organizationId,
                role);
        return id;
    }

    private void registration(Connection c, String id, String flow, String state, long organizationId, long userId)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO registration (id, flow, state, submitted_data, "
                + "organization_id, user_id, submitted_at) VALUES (?, ?, ?, '{}', ?, ?, CURRENT_TIMESTAMP)")) {
            s.setString(1, id);
            s.setString(2, flow);
            s.setString(3, state);
            s.setLong(4, organizationId);
            s.setLong(5, userId);
            s.executeUpdate();
        }
    }

    private long group(Connection c, long organizationId) throws SQLException {
        return insert(
                c,
                "INSERT INTO approval_group (organization_id, group_type) VALUES (?, 'UserRegistration')",
                organizationId);
    }

    private void approver(Connection c, long groupId, long userId) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO approval_group_approver (approval_group_id, user_id) VALUES (" + groupId + ", "
                    + userId + ")");
        }
    }

    private static List<String> approvers(Connection c, long organizationId) throws SQLException {
        List<String> logonIds = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT u.logon_id FROM approval_group g "
                + "JOIN approval_group_approver a ON a.approval_group_id = g.id JOIN member_user u ON u.id = a.user_id "
                + "WHERE g.organization_id = ? AND g.group_type = 'UserRegistration' ORDER BY u.logon_id")) {
            s.setLong(1, organizationId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    logonIds.add(rs.getString(1));
                }
            }
        }
        return logonIds;
    }

    private static int groups(Connection c, long organizationId) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT COUNT(*) FROM approval_group WHERE organization_id = ?")) {
            s.setLong(1, organizationId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static long insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : -1;
            }
        }
    }

    private FluentConfiguration flyway() {
        return MigrationDatabases.flyway(dataSource);
    }
}
