package com.b2bflow.registration.hcl;

import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationQueries;
import com.b2bflow.registration.RegistrationRequest;
import com.b2bflow.registration.RegistrationStatus;
import com.b2bflow.registration.RegistrationSubmitters;
import com.b2bflow.registration.SubmittedRegistration;
import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.ProblemResponses;
import com.b2bflow.shared.RegistrationConflictException;
import com.b2bflow.shared.Texts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The HCL Commerce registration URLs, for storefronts and integrations written against them. POST only
 * (passwords never travel in a query string), form-encoded, no session; success is a 303 to the {@code URL}
 * view, which must be one of the known view names (never an open redirect). Errors are problem details, or the
 * registration form with its messages when a browser posted it ({@code errorViewName} given, or HTML accepted).
 * {@code langId} picks the language of the whole answer (messages, problem details, the form); a person's post, like
 * the storefront's forms, needs the consent to the terms ({@code consentVersion}, ADR 0037).
 */
@Controller
@ProblemResponses
@RequestMapping("/webapp/wcs/stores/servlet")
@Tag(name = "HCL-compatible registration URLs")
class HclRegistrationController {

    static final String BASE = "/webapp/wcs/stores/servlet/";

    /** Registration URL → its flow and default view. */
    private static final Map<String, RegistrationFlow> URLS = Map.of(
            "BuyerRegistrationAdd", RegistrationFlow.ORGANIZATION,
            "ResellerRegistrationAdd", RegistrationFlow.RESELLER);

    private static final Map<RegistrationFlow, String> DEFAULT_VIEWS = Map.of(
            RegistrationFlow.ORGANIZATION, "OrgRegistrationAddPendingForApprovalView",
            RegistrationFlow.RESELLER, "ResellerRegistrationApprovalView");
    static final List<String> VIEWS = List.of(
            "OrgRegistrationAddPendingForApprovalView", "ResellerRegistrationApprovalView", "RegistrationPendingView");

    private final RegistrationSubmitters registrations;
    private final RegistrationQueries queries;
    private final HclErrorPage errorPage;

    HclRegistrationController(
            RegistrationSubmitters registrations, RegistrationQueries queries, HclErrorPage errorPage) {
        this.registrations = registrations;
        this.queries = queries;
        this.errorPage = errorPage;
    }

    @PostMapping(path = "/{command:[A-Za-z]+RegistrationAdd}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = "BuyerRegistrationAdd / ResellerRegistrationAdd with HCL Commerce's org_ and usr_ parameters")
    ResponseEntity<Void> register(
            @PathVariable String command,
            @RequestParam MultiValueMap<String, String> parameters,
            HttpServletRequest request) {
        speakLangId(request, parameters);
        boolean person = forBrowser(request, parameters);
        try {
            return submit(command, parameters, person);
        } catch (InvalidRegistrationException e) {
            // field errors name the HCL parameter the client sent (usr_logonId), not the JSON path
            List<FieldProblem> problems = HclParameters.renamed(e.problems());
            throw person
                    ? new FormAnswer(command, parameters, HttpStatus.BAD_REQUEST, problems)
                    : new InvalidRegistrationException(Texts.text("hcl.problems"), problems);
        } catch (RegistrationConflictException e) {
            FieldProblem problem = HclParameters.renamed(List.of(e.problem())).get(0);
            throw person
                    ? new FormAnswer(command, parameters, HttpStatus.CONFLICT, List.of(problem))
                    : new RegistrationConflictException(problem.field(), problem.message());
        }
    }

    /**
     * A known {@code langId} is the language of this request: of its messages and problem details
     * ({@link LocaleContextHolder}) and of the page rendered for it (the locale resolver's request attribute, which
     * it reads before its cookie). Nothing is stored: HCL's URLs keep no session and set no cookie.
     */
    private static void speakLangId(HttpServletRequest request, MultiValueMap<String, String> parameters) {
        Locale requested = HclParameters.locale(parameters.getFirst("langId"));
        if (requested != null) {
            LocaleContextHolder.setLocale(requested);
            request.setAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME, requested);
        }
    }

    private ResponseEntity<Void> submit(String command, MultiValueMap<String, String> parameters, boolean person) {
        RegistrationFlow flow = URLS.get(command);
        if (flow == null || !registrations.supports(flow)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown URL " + command);
        }
        String view = parameters.getFirst("URL") == null ? DEFAULT_VIEWS.get(flow) : parameters.getFirst("URL");
        if (!VIEWS.contains(view)) {
            throw InvalidRegistrationException.of("URL", Texts.text("hcl.problem.unknownView", VIEWS));
        }
        RegistrationRequest registration = HclParameters.toRequest(parameters);
        SubmittedRegistration submitted =
                person ? registrations.submitForm(flow, registration) : registrations.submit(flow, registration);
        URI location = UriComponentsBuilder.fromPath(BASE + view)
                .queryParam("registrationId", submitted.id())
                .build()
                .toUri();
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(location).build();
    }

    /** The error view HCL storefronts name, or a browser's form post: the answer is a page, not problem JSON. */
    private static boolean forBrowser(HttpServletRequest request, MultiValueMap<String, String> parameters) {
        if (parameters.getFirst("errorViewName") != null
                && !parameters.getFirst("errorViewName").isBlank()) {
            return true;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        try {
            return accept != null
                    && MediaType.parseMediaTypes(accept).stream()
                            .anyMatch(type -> type.getType().equals("text")
                                    && type.getSubtype().equals("html"));
        } catch (org.springframework.util.InvalidMimeTypeException e) {
            return false;
        }
    }

    @ExceptionHandler(FormAnswer.class)
    ModelAndView form(FormAnswer answer, HttpServletRequest request) {
        return errorPage.render(
                BASE + answer.command,
                answer.parameters,
                answer.problems,
                answer.status,
                RequestContextUtils.getLocale(request));
    }

    @GetMapping("/{view:[A-Za-z]+View}")
    String view(@PathVariable String view, @RequestParam String registrationId, Model model) {
        if (!VIEWS.contains(view)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        RegistrationStatus status = queries.status(registrationId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No registration with this id"));
        model.addAttribute("registration", status);
        model.addAttribute("noEmail", !queries.applicantHasEmail(registrationId));
        return "store/registration-status";
    }

    /** Errors of a browser's post, answered by {@link #form} with the registration form. */
    static final class FormAnswer extends RuntimeException {

        private final String command;
        private final transient MultiValueMap<String, String> parameters;
        private final HttpStatus status;
        private final transient List<FieldProblem> problems;

        FormAnswer(
                String command,
                MultiValueMap<String, String> parameters,
                HttpStatus status,
                List<FieldProblem> problems) {
            super(null, null, false, false);
            this.command = command;
            this.parameters = parameters;
            this.status = status;
            this.problems = problems;
        }
    }
}
