package com.b2bflow.console;

import static com.b2bflow.access.AccountAction.ERASE_PERSONAL_DATA;
import static com.b2bflow.access.AccountAction.EXPORT_PERSONAL_DATA;
import static com.b2bflow.access.AccountAction.RESEND_ACTIVATION;
import static com.b2bflow.access.AccountAction.UNLOCK_ACCOUNT;

import com.b2bflow.access.Actor;
import com.b2bflow.access.StorefrontPage;
import com.b2bflow.activation.ActivationRenewals;
import com.b2bflow.buyeradmin.SellerAdministration;
import com.b2bflow.customerservice.CustomerService;
import com.b2bflow.privacy.LastAdministratorException;
import com.b2bflow.privacy.PersonalDataErasure;
import com.b2bflow.privacy.PersonalDataExport;
import com.b2bflow.security.LoginThrottle;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.RegistrationConflictException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's User page ({@code /store/staff/users/{id}}) and its actions, each a form POST that calls the same
 * service as the staff API (so it is audited the same way) and comes back with what happened. The page offers an
 * action only when {@link StaffUsers} says the staff member may take it.
 */
@Controller
@StorefrontPage
class UserController {

    private final StaffUsers users;
    private final SellerAdministration administration;
    private final CustomerService customerService;
    private final LoginThrottle throttle;
    private final ActivationRenewals activation;
    private final PersonalDataExport export;
    private final PersonalDataErasure erasure;
    private final ObjectMapper json;

    UserController(
            StaffUsers users,
            SellerAdministration administration,
            CustomerService customerService,
            LoginThrottle throttle,
            ActivationRenewals activation,
            PersonalDataExport export,
            PersonalDataErasure erasure,
            ObjectMapper json) {
        this.users = users;
        this.administration = administration;
        this.customerService = customerService;
        this.throttle = throttle;
        this.activation = activation;
        this.export = export;
        this.erasure = erasure;
        this.json = json;
    }

    @GetMapping("/store/staff/users/{id}")
    String user(Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("user", users.user(actor, id));
        return "staff/console/user";
    }

    @PostMapping("/store/staff/users/{id}/roles")
    String roles(
            Actor actor,
            @PathVariable long id,
            @RequestParam(name = "roles", required = false) List<String> roles,
            RedirectAttributes redirect) {
        administration.setRoles(actor, id, roles == null ? List.of() : roles);
        return done(id, "console.user.rolesSaved", redirect);
    }

    @PostMapping("/store/staff/users/{id}/disable")
    String disable(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        try {
            customerService.disable(actor, id, reason);
            return done(id, "console.user.disabledDone", redirect);
        } catch (InvalidRegistrationException e) {
            return reasonMissing(actor, id, "disable", e, response, model);
        }
    }

    @PostMapping("/store/staff/users/{id}/enable")
    String enable(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        try {
            customerService.enable(actor, id, reason);
            return done(id, "console.user.enabledDone", redirect);
        } catch (InvalidRegistrationException e) {
            return reasonMissing(actor, id, "enable", e, response, model);
        } catch (RegistrationConflictException e) {
            return refused(actor, id, HttpStatus.CONFLICT, "console.user.enableConflict", response, model);
        }
    }

    @PostMapping("/store/staff/users/{id}/unlock")
    String unlock(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        users.require(actor, UNLOCK_ACCOUNT, id);
        throttle.unlock(id, actor.id());
        return done(id, "console.user.unlocked", redirect);
    }

    @PostMapping("/store/staff/users/{id}/activation")
    String resendActivation(
            Actor actor,
            @PathVariable long id,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        users.require(actor, RESEND_ACTIVATION, id);
        return switch (activation.resendForStaff(id, actor.id())) {
            case SENT -> done(id, "console.user.activationSent", redirect);
            case SENT_RECENTLY ->
                refused(actor, id, HttpStatus.CONFLICT, "console.user.activationRecent", response, model);
            case NOT_WAITING, NO_SUCH_USER ->
                refused(actor, id, HttpStatus.CONFLICT, "console.user.activationNotWaiting", response, model);
        };
    }

    /** A download whatever the browser accepts: the JSON the staff API's export gives. */
    @PostMapping("/store/staff/users/{id}/personal-data/export")
    @ResponseBody
    ResponseEntity<byte[]> exportPersonalData(Actor actor, @PathVariable long id) throws JsonProcessingException {
        users.require(actor, EXPORT_PERSONAL_DATA, id);
        byte[] data = json.writeValueAsBytes(export.forStaff(id, actor.id()).orElseThrow());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"personal-data-" + id + ".json\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(data);
    }

    @PostMapping("/store/staff/users/{id}/personal-data/erase")
    String erasePersonalData(
            Actor actor,
            @PathVariable long id,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        users.require(actor, ERASE_PERSONAL_DATA, id);
        try {
            erasure.eraseOnRequest(id, actor.id()).orElseThrow();
            return done(id, "console.user.erased", redirect);
        } catch (LastAdministratorException e) {
            return refused(actor, id, HttpStatus.CONFLICT, "console.user.eraseLastAdministrator", response, model);
        }
    }

    @PostMapping("/store/staff/users/{id}/delete")
    String delete(
            Actor actor,
            @PathVariable long id,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        try {
            String logonId = users.user(actor, id).logonId();
            administration.deleteBuyer(actor, id);
            redirect.addFlashAttribute("message", "console.user.deleted");
            redirect.addFlashAttribute("messageArgument", logonId);
            return "redirect:/store/staff/customers";
        } catch (RegistrationConflictException e) {
            return refused(actor, id, HttpStatus.CONFLICT, "console.user.deleteConflict", response, model);
        }
    }

    private static String done(long id, String message, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", message);
        return "redirect:/store/staff/users/" + id;
    }

    /** The page again, with the status and what stood in the way. */
    private String refused(
            Actor actor, long id, HttpStatus status, String errorMessage, HttpServletResponse response, Model model) {
        response.setStatus(status.value());
        model.addAttribute("errorMessage", errorMessage);
        return user(actor, id, model);
    }

    /** The page again with a 400 and the reason field of the form ({@code disable} or {@code enable}) marked. */
    private String reasonMissing(
            Actor actor,
            long id,
            String form,
            InvalidRegistrationException e,
            HttpServletResponse response,
            Model model) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("reasonError", form);
        model.addAttribute(
                "reasonErrorMessage",
                e.getMessage() != null && e.getMessage().startsWith("At most")
                        ? "console.user.reasonTooLong"
                        : "console.user.reasonRequired");
        return user(actor, id, model);
    }
}
