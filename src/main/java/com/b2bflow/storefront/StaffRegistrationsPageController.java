package com.b2bflow.storefront;

import com.b2bflow.access.StorefrontPage;
import com.b2bflow.member.ApprovalState;
import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationOverview;
import com.b2bflow.registration.RegistrationSearch;
import com.b2bflow.registration.SlaStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff console's list of every registration of every flow: filters for flow, state, waiting step, SLA status and
 * age, newest first, a page at a time; each pending one links to its task in Tasklist and its instance in Cockpit. A
 * filter value the page does not know is ignored (the form shows "any" for it).
 */
@Controller
@StorefrontPage
class StaffRegistrationsPageController {

    static final int PAGE_SIZE = 25;

    /** The ages the filter offers, in days: registrations submitted longer ago than that. */
    static final List<Integer> AGES = List.of(1, 2, 5, 7, 30);

    private final RegistrationOverview registrations;

    StaffRegistrationsPageController(RegistrationOverview registrations) {
        this.registrations = registrations;
    }

    @GetMapping("/store/staff/registrations")
    String registrations(
            @RequestParam(required = false) String flow,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String step,
            @RequestParam(required = false) String sla,
            @RequestParam(required = false) Integer age,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Map<String, String> steps = registrations.steps();
        RegistrationFlow chosenFlow = RegistrationFlow.fromPathSegment(flow).orElse(null);
        ApprovalState chosenState = known(ApprovalState.values(), state);
        SlaStatus chosenSla = known(SlaStatus.values(), sla);
        String chosenStep = steps.containsKey(step) ? step : null;
        Integer chosenAge = age != null && AGES.contains(age) ? age : null;
        RegistrationSearch search = new RegistrationSearch(
                chosenFlow,
                chosenState,
                chosenStep,
                chosenSla,
                chosenAge == null ? null : Instant.now().minus(Duration.ofDays(chosenAge)),
                null);
        var rows = registrations.find(search, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        Map<String, Object> keep = new LinkedHashMap<>();
        keep.put("flow", chosenFlow == null ? null : chosenFlow.pathSegment());
        keep.put("state", chosenState);
        keep.put("step", chosenStep);
        keep.put("sla", chosenSla);
        keep.put("age", chosenAge);
        model.addAttribute("rows", rows);
        model.addAttribute("pager", StaffPager.of(rows, "/store/staff/registrations", keep, "page"));
        model.addAttribute("flows", RegistrationFlow.values());
        model.addAttribute("states", ApprovalState.values());
        model.addAttribute("slas", SlaStatus.values());
        model.addAttribute("steps", steps);
        model.addAttribute("ages", AGES);
        model.addAttribute("flow", chosenFlow == null ? null : chosenFlow.pathSegment());
        model.addAttribute("state", chosenState == null ? null : chosenState.name());
        model.addAttribute("step", chosenStep);
        model.addAttribute("sla", chosenSla == null ? null : chosenSla.name());
        model.addAttribute("age", chosenAge);
        model.addAttribute("now", Instant.now());
        return "store/staff-registrations";
    }

    private static <E extends Enum<E>> E known(E[] values, String name) {
        return Arrays.stream(values)
                .filter(value -> value.name().equals(name))
                .findFirst()
                .orElse(null);
    }
}
