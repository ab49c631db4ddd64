package com.b2bflow.staff;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Which Camunda webapps a staff member may open, asked the way the webapps ask when they take the sign-in (ACCESS on
 * the APPLICATION resource of the user and their groups): pages link Tasklist and Cockpit only for those who get
 * past the webapps' own 403.
 */
@Component
public class StaffWebapps {

    public static final String TASKLIST = "tasklist";
    public static final String COCKPIT = "cockpit";

    private final AuthorizationService authorizations;

    public StaffWebapps(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    public boolean mayOpen(String userId, List<String> groups, String webapp) {
        return userId != null
                && authorizations.isUserAuthorized(userId, groups, Permissions.ACCESS, Resources.APPLICATION, webapp);
    }
}
