package com.b2bflow.console;

import com.b2bflow.access.AccountAction;
import com.b2bflow.access.AccountAuthorization;
import com.b2bflow.access.Actor;
import com.b2bflow.access.StorefrontPage;
import com.b2bflow.access.Target;
import com.b2bflow.member.ApprovalState;
import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationOverview;
import com.b2bflow.registration.RegistrationSearch;
import com.b2bflow.registration.SlaStatus;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff console's list of every registration of every flow (ADR 0028): filters for flow, state, waiting step, SLA
 * status and age, newest first, a page at a time; a pending one links to its task in Tasklist and its instance in
 * Cockpit. A filter value the page does not know is ignored (the form shows "any" for it).
 */
@Controller
@StorefrontPage
class RegistrationsPageController {

    /** The ages the filter offers, in days: registrations submitted longer ago than that. */
    static final List<Integer> AGES = List.of(1, 2, 5, 7, 30);

    private final AccountAuthorization authorization;
    private final RegistrationOverview registrations;

    RegistrationsPageController(AccountAuthorization authorization, RegistrationOverview registrations) {
        this.authorization = authorization;
        this.registrations = registrations;
    }

    @GetMapping("/store/staff/registrations")
    String registrations(
            Actor actor,
            @RequestParam(required = false) String flow,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String step,
            @RequestParam(required = false) String sla,
            @RequestParam(required = false) Integer age,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            HttpServletRequest request,
            Model model) {
        authorization.require(actor, AccountAction.VIEW_REGISTRATIONS, Target.none());
        Map<String, String> steps = registrations.steps();
        RegistrationFlow chosenFlow = known(RegistrationFlow.values(), flow);
        ApprovalState chosenState = known(ApprovalState.values(), state);
        SlaStatus chosenSla = known(SlaStatus.values(), sla);
        String chosenStep = step != null && steps.containsKey(step) ? step : null;
        Integer chosenAge = age != null && AGES.contains(age) ? age : null;
        RegistrationSearch search = new RegistrationSearch(
                chosenFlow,
                chosenState,
                chosenStep,
                chosenSla,
                chosenAge == null ? null : Instant.now().minus(Duration.ofDays(chosenAge)),
                null);
        model.addAttribute("view", PageView.of(registrations.find(search, PageView.request(page, size)), request));
        model.addAttribute("flows", RegistrationFlow.values());
        model.addAttribute("states", ApprovalState.values());
        model.addAttribute("slas", SlaStatus.values());
        model.addAttribute("steps", steps);
        model.addAttribute("ages", AGES);
        model.addAttribute("flow", chosenFlow == null ? null : chosenFlow.name());
        model.addAttribute("state", chosenState == null ? null : chosenState.name());
        model.addAttribute("step", chosenStep);
        model.addAttribute("sla", chosenSla == null ? null : chosenSla.name());
        model.addAttribute("age", chosenAge);
        model.addAttribute("now", Instant.now());
        return "staff/console/registrations";
    }

    private static <E extends Enum<E>> E known(E[] values, String name) {
        return Arrays.stream(values)
                .filter(value -> value.name().equals(name))
                .findFirst()
                .orElse(null);
    }
}
