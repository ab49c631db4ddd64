package com.b2bflow.console;

import com.b2bflow.access.AccountAuthorization;
import com.b2bflow.access.Actor;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every staff console page its navigation ({@code consoleMenu}). */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    private final AccountAuthorization authorization;

    ConsoleModel(AccountAuthorization authorization) {
        this.authorization = authorization;
    }

    @ModelAttribute("consoleMenu")
    ConsoleMenu consoleMenu(Actor actor) {
        return ConsoleMenu.of(authorization, actor);
    }
}
