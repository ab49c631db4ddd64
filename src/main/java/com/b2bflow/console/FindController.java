package com.b2bflow.console;

import com.b2bflow.access.Actor;
import com.b2bflow.access.StorefrontPage;
import com.b2bflow.member.ApprovalState;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Find ({@code /store/staff/customers}): one search box over users and organizations, a state to narrow it, the
 * results of one kind at a time with the count of the other.
 */
@Controller
@StorefrontPage
class FindController {

    static final String USERS = "users";
    static final String ORGANIZATIONS = "organizations";

    private final CustomerFinder search;

    FindController(CustomerFinder search) {
        this.search = search;
    }

    @GetMapping("/store/staff/customers")
    String find(
            Actor actor,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<ApprovalState> approvalState = state(state);
        if (state != null && !state.isBlank() && approvalState.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("stateError", true);
        }
        boolean organizations = ORGANIZATIONS.equals(kind);
        boolean searched = q != null || approvalState.isPresent();
        ApprovalState filter = approvalState.orElse(null);
        Pageable wanted = PageView.request(page, size);
        Pageable countOnly = PageView.request(0, 1);
        model.addAttribute("q", q);
        model.addAttribute("state", filter);
        model.addAttribute("states", ApprovalState.values());
        model.addAttribute("kind", organizations ? ORGANIZATIONS : USERS);
        model.addAttribute("searched", searched);
        // every staff member who may open the page may search (CustomerFinder asks AccountAuthorization)
        Page<FoundUser> users = search.users(actor, q, filter, organizations || !searched ? countOnly : wanted);
        Page<FoundOrganization> found =
                search.organizations(actor, q, filter, organizations && searched ? wanted : countOnly);
        if (searched) {
            model.addAttribute("userCount", users.getTotalElements());
            model.addAttribute("organizationCount", found.getTotalElements());
            model.addAttribute("results", organizations ? PageView.of(found, request) : PageView.of(users, request));
        }
        return "staff/console/customers";
    }

    private static Optional<ApprovalState> state(String state) {
        if (state == null || state.isBlank()) {
            return Optional.empty();
        }
        String wanted = state.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(ApprovalState.values())
                .filter(s -> s.name().equals(wanted))
                .findFirst();
    }
}
