package com.b2bflow.approval;

import com.b2bflow.shared.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** The signed-in user may not do this (decide this registration, manage this approval group): 403. */
public class ApprovalForbiddenException extends ProblemException {

    public ApprovalForbiddenException(String message) {
        super(HttpStatus.FORBIDDEN, message, List.of());
    }
}
