package com.b2bflow.buyeradmin;

import com.b2bflow.member.OrganizationRepository;
import com.b2bflow.member.UserRepository;
import com.b2bflow.staff.StaffDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer-service history as people read it: names instead of logon ids and numbers, and each change as
 * "field: before → after" instead of the audit log's JSON. The page translates the action and the field names; the
 * JSON API keeps the raw {@link CustomerServiceEvent}.
 */
@Service
public class ReadableHistory {

    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final StaffDirectory staff;
    private final ObjectMapper json;

    ReadableHistory(
            UserRepository users, OrganizationRepository organizations, StaffDirectory staff, ObjectMapper json) {
        this.users = users;
        this.organizations = organizations;
        this.staff = staff;
        this.json = json;
    }

    /**
     * One row of the history page: the event with its people by name ({@code csr}, {@code onBehalfOf}), its target's
     * name (null when the target no longer exists) and its changes.
     */
    public record Row(CustomerServiceEvent event, String csr, String onBehalfOf, String target, List<Change> changes) {}

    /** One changed field; a value is null where it was empty. */
    public record Change(String field, String before, String after) {}

    @Transactional(readOnly = true)
    public List<Row> of(List<CustomerServiceEvent> events) {
        return events.stream().map(this::row).toList();
    }

    private Row row(CustomerServiceEvent event) {
        return new Row(
                event,
                event.csr() == null
                        ? null
                        : staff.find(event.csr())
                                .map(StaffDirectory.StaffMember::name)
                                .orElse(event.csr()),
                event.onBehalfOf() == null
                        ? null
                        : users.findByLogonId(event.onBehalfOf())
                                .map(user -> user.getDisplayName())
                                .orElse(event.onBehalfOf()),
                targetName(event.targetType(), event.targetId()),
                changes(event.details()));
    }

    private String targetName(String type, String id) {
        if (id == null || !id.chars().allMatch(Character::isDigit) || id.isEmpty()) {
            return null;
        }
        long key = Long.parseLong(id);
        return switch (type == null ? "" : type) {
            case "User" ->
                users.findById(key)
                        .map(user -> user.getDisplayName() + " (" + user.getLogonId() + ")")
                        .orElse(null);
            case "Organization" ->
                organizations.findById(key).map(o -> o.getName()).orElse(null);
            default -> null;
        };
    }

    /**
     * What the audit log records of a member for the record's sake, not for a person reading what changed: ids, the
     * organization (the row names it), when it was created, activated or last used.
     */
    static final Set<String> BOOKKEEPING =
            Set.of("id", "organizationId", "organizationName", "activated", "lastLoginAt", "createdAt", "updatedAt");

    /**
     * The changes of an audit entry's details: {@code {"before": {...}, "after": {...}}} gives one change per field
     * a person cares about that has a value on either side; other details (a sentence, another shape) are not shown:
     * the action says what happened.
     */
    List<Change> changes(String details) {
        if (details == null || !details.startsWith("{")) {
            return List.of();
        }
        try {
            JsonNode root = json.readTree(details);
            JsonNode before = root.path("before");
            JsonNode after = root.path("after");
            Set<String> fields = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(fields::add);
            after.fieldNames().forEachRemaining(fields::add);
            List<Change> changes = new ArrayList<>();
            for (String field : fields) {
                Change change = new Change(field, text(before.get(field)), text(after.get(field)));
                if (!BOOKKEEPING.contains(field) && (change.before() != null || change.after() != null)) {
                    changes.add(change);
                }
            }
            return changes;
        } catch (com.fasterxml.jackson.core.JsonProcessingException unreadable) {
            return List.of();
        }
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.isTextual() ? item.asText() : item.toString()));
            return items.isEmpty() ? null : String.join(", ", items);
        }
        if (value.isObject()) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) value::fields) {
                String part = text(entry.getValue());
                if (part != null) {
                    parts.add(part);
                }
            }
            return parts.isEmpty() ? null : String.join(", ", parts);
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }
}
