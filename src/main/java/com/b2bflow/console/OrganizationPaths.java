package com.b2bflow.console;

import com.b2bflow.member.Organization;
import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.stereotype.Component;

/**
 * An organization's place in the tree as text, from the root down ("Root Organization › Buyers › ACME"). Walks the
 * parents in the caller's transaction: a page of results shares its ancestors in the persistence context.
 */
@Component
class OrganizationPaths {

    static final String SEPARATOR = " › ";

    /** The organization's ancestors and itself. */
    String pathOf(Organization organization) {
        String above = pathAbove(organization);
        return above.isEmpty() ? organization.getName() : above + SEPARATOR + organization.getName();
    }

    /** The organization's ancestors, without itself; empty for a root. */
    String pathAbove(Organization organization) {
        Deque<String> names = new ArrayDeque<>();
        for (Organization parent = organization.getParent(); parent != null; parent = parent.getParent()) {
            names.addFirst(parent.getName());
        }
        return String.join(SEPARATOR, names);
    }
}
