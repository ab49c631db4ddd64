package com.b2bflow.registration;

import com.b2bflow.member.Names;
import com.b2bflow.member.Organization;
import com.b2bflow.member.OrganizationRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What a reviewer needs beside the submitted data, as the review form shows it (Markdown): the organizations this
 * one may duplicate, each linked to its page in the staff console, and for a correction of a rejected registration
 * the earlier reason and what the applicant changed, field by field.
 */
@Component
class ReviewBriefing {

    /** The staff console's page of an organization. */
    static final String ORGANIZATION_PAGE = "/store/staff/organizations/";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final OrganizationRepository organizations;
    private final ObjectMapper json;

    ReviewBriefing(OrganizationRepository organizations, ObjectMapper json) {
        this.organizations = organizations;
        this.json = json;
    }

    /** Likely duplicates of the registered organization: same name, tax id or email domain. */
    List<Organization> duplicatesOf(Organization organization) {
        return organizations.findLikelyDuplicates(
                organization.getId(),
                Names.normalize(organization.getName()),
                organization.getTaxId(),
                organization.getEmailDomain());
    }

    /** The duplicates as plain text, one a line (kept for forms of earlier versions). */
    static String duplicatesText(Organization submitted, List<Organization> duplicates) {
        if (duplicates.isEmpty()) {
            return "None found (same name, tax id or email domain).";
        }
        return duplicates.stream()
                .map(org -> "- " + org.getName() + " (id " + org.getId() + ", " + org.getState()
                        + reasons(submitted, org).stream()
                                .map(reason -> ", " + reason)
                                .collect(Collectors.joining())
                        + ")")
                .collect(Collectors.joining("\n"));
    }

    /** The warning the review form shows above the decision; empty when there is no likely duplicate. */
    static String duplicatesWarning(Organization submitted, List<Organization> duplicates) {
        if (duplicates.isEmpty()) {
            return "";
        }
        StringBuilder warning = new StringBuilder("#### ⚠ Possible duplicate")
                .append(duplicates.size() == 1 ? "" : "s")
                .append("\n\nCheck ")
                .append(duplicates.size() == 1 ? "this organization" : "these organizations")
                .append(" before you approve: the applicant may already be a customer.\n\n");
        for (Organization duplicate : duplicates) {
            warning.append("- ")
                    .append(Markdown.link(duplicate.getName(), ORGANIZATION_PAGE + duplicate.getId()))
                    .append(" (")
                    .append(duplicate.getState().name().toLowerCase())
                    .append(": ")
                    .append(String.join(", ", reasons(submitted, duplicate)))
                    .append(")\n");
        }
        return warning.toString();
    }

    private static List<String> reasons(Organization submitted, Organization other) {
        List<String> why = new ArrayList<>();
        if (Names.normalize(submitted.getName()).equals(Names.normalize(other.getName()))) {
            why.add("same name");
        }
        if (submitted.getTaxId() != null && submitted.getTaxId().equals(other.getTaxId())) {
            why.add("same tax id");
        }
        if (submitted.getEmailDomain() != null && submitted.getEmailDomain().equals(other.getEmailDomain())) {
            why.add("same email domain");
        }
        return why;
    }

    /** Why the registration this one corrects was rejected, by whom and when; empty when it corrects none. */
    static String previousRejection(Registration registration) {
        Registration previous = registration.getPreviousRegistration();
        if (previous == null) {
            return "";
        }
        return "#### Resubmission after a rejection\n\nThis registration corrects registration "
                + Markdown.text(previous.getId()) + ", rejected"
                + (previous.getDecidedAt() == null ? "" : " on " + DAY.format(previous.getDecidedAt()))
                + (previous.getDecidedBy() == null ? "" : " by " + Markdown.text(previous.getDecidedBy()))
                + ". The reason the applicant was given:\n\n> " + Markdown.text(previous.getDecisionReason()) + "\n";
    }

    /** What the correction changed, one field a line ("field: before → now"); empty when it corrects none. */
    String changes(Registration registration) {
        Registration previous = registration.getPreviousRegistration();
        if (previous == null) {
            return "";
        }
        Map<String, String> before = fields(previous.getSubmittedData());
        Map<String, String> now = fields(registration.getSubmittedData());
        Set<String> names = new LinkedHashSet<>(now.keySet());
        names.addAll(before.keySet());
        List<String> changed = names.stream()
                .filter(name -> !before.getOrDefault(name, "").equals(now.getOrDefault(name, "")))
                .map(name -> "- **" + label(name) + "**: " + Markdown.text(before.get(name)) + " → "
                        + Markdown.text(now.get(name)))
                .toList();
        if (changed.isEmpty()) {
            return "The applicant sent the registration again without changing anything.";
        }
        return "What the applicant changed:\n\n" + String.join("\n", changed) + "\n";
    }

    /** The submitted fields by their path ("organization.name"), the link to the corrected registration left out. */
    private Map<String, String> fields(String submittedData) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (submittedData == null) {
            return fields;
        }
        try {
            flatten("", json.readTree(submittedData), fields);
        } catch (java.io.IOException unreadable) {
            // an old record whose data cannot be read lists nothing: the reviewer still sees the current data
        }
        fields.remove("previousRegistrationId");
        return fields;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
            }
        } else if (!node.isNull() && !node.isMissingNode()) {
            String value = node.isValueNode() ? node.asText() : node.toString();
            if (!value.isBlank()) {
                into.put(prefix, value);
            }
        }
    }

    /** "organization.taxId" → "Organization tax id". */
    static String label(String path) {
        String words = String.join(" ", path.split("\\."))
                .replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                .toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
