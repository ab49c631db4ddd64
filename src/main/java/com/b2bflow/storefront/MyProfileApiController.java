package com.b2bflow.storefront;

import com.b2bflow.access.AccountAction;
import com.b2bflow.access.AccountAuthorization;
import com.b2bflow.access.Actor;
import com.b2bflow.access.Target;
import com.b2bflow.activation.PasswordChanges;
import com.b2bflow.shared.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** My Account's profile and password as JSON: the same services and rules as {@link ProfilePageController}'s pages. */
@RestController
@ProblemResponses
@RequestMapping("/api/me")
@Tag(name = "My profile", description = "The signed-in user's own profile and password (My Account).")
class MyProfileApiController {

    private final MyProfile profiles;
    private final PasswordChanges passwords;
    private final AccountAuthorization authorization;

    MyProfileApiController(MyProfile profiles, PasswordChanges passwords, AccountAuthorization authorization) {
        this.profiles = profiles;
        this.passwords = passwords;
        this.authorization = authorization;
    }

    @GetMapping("/profile")
    @Operation(summary = "The signed-in user's profile (or, on behalf, the customer's)")
    ProfileView profile(Actor actor) {
        return profiles.of(actor);
    }

    @PatchMapping("/profile")
    @Operation(
            summary = "Change the profile: name, phone, preferred language and currency, marketing consent",
            description = "Only the fields sent change; 400 names each field that breaks a rule. A CSR on behalf may "
                    + "change all but the marketing consent (receiveEmail: 403). Audited as PROFILE_UPDATED.")
    ProfileView updateProfile(Actor actor, @RequestBody ProfileChanges changes) {
        return profiles.update(actor, changes);
    }

    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Change one's own password",
            description = "{currentPassword, newPassword, newPasswordVerify (optional)}. 400 on currentPassword "
                    + "(wrong), newPassword (each policy rule it breaks) or newPasswordVerify (differs). Mails a "
                    + "notice, ends the user's other sessions where sessions are kept in the database, keeps this "
                    + "one. Never on behalf (403). Audited as PASSWORD_CHANGED.")
    void changePassword(Actor actor, @RequestBody PasswordChange change, HttpServletRequest request) {
        authorization.require(actor.inStorefront(), AccountAction.CHANGE_PASSWORD, Target.none());
        passwords.change(
                actor.userId(),
                change.currentPassword(),
                change.newPassword(),
                change.newPasswordVerify(),
                request.getSession().getId());
    }
}
