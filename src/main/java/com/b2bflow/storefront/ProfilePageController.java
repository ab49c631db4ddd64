package com.b2bflow.storefront;

import com.b2bflow.access.AccountAction;
import com.b2bflow.access.AccountAuthorization;
import com.b2bflow.access.Actor;
import com.b2bflow.access.StorefrontPage;
import com.b2bflow.access.Target;
import com.b2bflow.activation.PasswordChanges;
import com.b2bflow.security.PasswordPolicy;
import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.InvalidRegistrationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My Account → Profile and My Account → Change password: the same services and rules as {@code /api/me/profile} and
 * {@code /api/me/password}. A refused form comes back with 400 and each problem at its field.
 */
@Controller
@StorefrontPage
class ProfilePageController {

    static final String PROFILE = "/store/account/profile";
    static final String PASSWORD = "/store/account/password";

    private final MyProfile profiles;
    private final PasswordChanges passwords;
    private final AccountAuthorization authorization;

    ProfilePageController(MyProfile profiles, PasswordChanges passwords, AccountAuthorization authorization) {
        this.profiles = profiles;
        this.passwords = passwords;
        this.authorization = authorization;
    }

    @GetMapping(PROFILE)
    String profile(Actor actor, Model model) {
        ProfileView profile = profiles.of(actor);
        return profilePage(actor, profile, profile.asChanges(), model);
    }

    @PostMapping(PROFILE)
    String updateProfile(
            Actor actor,
            @ModelAttribute("form") ProfileChanges form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            profiles.update(actor, form);
            redirect.addFlashAttribute("message", "profile.saved");
            return "redirect:" + PROFILE;
        } catch (InvalidRegistrationException e) {
            refused(e.problems(), model, response);
            return profilePage(actor, profiles.of(actor), form, model);
        }
    }

    @GetMapping(PASSWORD)
    String password(Actor actor, Model model) {
        requirePasswordChange(actor);
        return passwordPage(model);
    }

    @PostMapping(PASSWORD)
    String changePassword(
            Actor actor,
            PasswordChange form,
            HttpServletRequest request,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        requirePasswordChange(actor);
        try {
            passwords.change(
                    actor.userId(),
                    form.currentPassword(),
                    form.newPassword(),
                    form.newPasswordVerify() == null ? "" : form.newPasswordVerify(),
                    request.getSession().getId());
            redirect.addFlashAttribute("message", "password.changed");
            return "redirect:" + PROFILE;
        } catch (InvalidRegistrationException e) {
            refused(e.problems(), model, response);
            return passwordPage(model);
        }
    }

    private void requirePasswordChange(Actor actor) {
        authorization.require(actor.inStorefront(), AccountAction.CHANGE_PASSWORD, Target.none());
    }

    private static String profilePage(Actor actor, ProfileView profile, ProfileChanges form, Model model) {
        model.addAttribute("profile", profile);
        model.addAttribute("form", form);
        model.addAttribute("mayChangeConsent", MyProfile.mayChangeConsent(actor));
        model.addAttribute("mayChangePassword", !actor.isOnBehalf());
        model.addAttribute("currencies", MyProfile.CURRENCIES);
        return "store/profile";
    }

    private static String passwordPage(Model model) {
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        model.addAttribute("maxLength", PasswordPolicy.MAX_LENGTH);
        return "store/password";
    }

    private static void refused(List<FieldProblem> problems, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("errors", FieldProblem.byField(problems));
    }
}
