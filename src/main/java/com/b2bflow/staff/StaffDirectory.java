package com.b2bflow.staff;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * Staff users and groups as Camunda identity knows them. A staff member's preferred language (for mails) is the
 * Camunda user info {@value #LANGUAGE} ("en", "de"); without it, mails are in English.
 */
@Service
public class StaffDirectory {

    /** The user info key of a staff member's preferred language. */
    public static final String LANGUAGE = "language";

    private final IdentityService identity;

    public StaffDirectory(IdentityService identity) {
        this.identity = identity;
    }

    /** Members of a group that have an email address. */
    public List<StaffMember> membersOf(String groupId) {
        return identity.createUserQuery().memberOfGroup(groupId).list().stream()
                .filter(user -> user.getEmail() != null && !user.getEmail().isBlank())
                .map(this::toMember)
                .toList();
    }

    public Optional<StaffMember> find(String userId) {
        return Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult())
                .map(this::toMember);
    }

    public boolean exists(String userId) {
        return identity.createUserQuery().userId(userId).count() > 0;
    }

    public boolean checkPassword(String userId, String password) {
        return identity.checkPassword(userId, password);
    }

    public List<String> groupsOf(String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .toList();
    }

    private StaffMember toMember(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName() + " ")
                        + (user.getLastName() == null ? "" : user.getLastName()))
                .strip();
        return new StaffMember(
                user.getId(),
                name.isEmpty() ? user.getId() : name,
                user.getEmail(),
                identity.getUserInfo(user.getId(), LANGUAGE));
    }

    /** {@code language}: the preferred language's tag, null where not known. */
    public record StaffMember(String id, String name, String email, String language) {}
}
