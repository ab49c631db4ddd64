package com.b2bflow.buyeradmin;

import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.RegistrationConflictException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/** A refused form of the buyer administration pages: its view again, with 400 or 409 and the errors by field. */
final class FormErrors {

    private FormErrors() {}

    static String render(RuntimeException e, Model model, HttpServletResponse response, String view) {
        List<FieldProblem> problems = e instanceof InvalidRegistrationException invalid
                ? invalid.problems()
                : List.of(((RegistrationConflictException) e).problem());
        response.setStatus(
                e instanceof InvalidRegistrationException
                        ? HttpStatus.BAD_REQUEST.value()
                        : HttpStatus.CONFLICT.value());
        model.addAttribute("errors", FieldProblem.byField(problems));
        return view;
    }
}
