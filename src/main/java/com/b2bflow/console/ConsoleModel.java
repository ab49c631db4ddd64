package com.b2bflow.console;

import com.b2bflow.access.AccountAuthorization;
import com.b2bflow.access.Actor;
import com.b2bflow.security.StaffPrincipal;
import com.b2bflow.staff.StaffWebapps;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every staff console page its navigation ({@code consoleMenu}). */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    private final AccountAuthorization authorization;
    private final StaffWebapps webapps;

    ConsoleModel(AccountAuthorization authorization, StaffWebapps webapps) {
        this.authorization = authorization;
        this.webapps = webapps;
    }

    @ModelAttribute("consoleMenu")
    ConsoleMenu consoleMenu(Actor actor, @AuthenticationPrincipal StaffPrincipal staff) {
        String userId = staff == null ? null : staff.userId();
        List<String> groups = staff == null ? List.of() : staff.groups();
        return ConsoleMenu.of(
                authorization,
                actor,
                webapps.mayOpen(userId, groups, StaffWebapps.TASKLIST),
                webapps.mayOpen(userId, groups, StaffWebapps.COCKPIT));
    }
}
