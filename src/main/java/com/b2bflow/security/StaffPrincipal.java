package com.b2bflow.security;

import java.io.Serializable;
import java.util.List;

/** A signed-in staff member, authenticated against Camunda identity. */
public record StaffPrincipal(String userId, String displayName, List<String> groups) implements Serializable {

    public static final String STAFF = "STAFF";
    public static final String GROUP_PREFIX = "GROUP_";

    public static String group(String groupId) {
        return GROUP_PREFIX + groupId;
    }

    @Override
    public String toString() {
        return userId;
    }
}
