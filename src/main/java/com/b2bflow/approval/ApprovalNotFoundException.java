package com.b2bflow.approval;

import com.b2bflow.shared.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** No such buyer registration or customer organization: 404. */
public class ApprovalNotFoundException extends ProblemException {

    public ApprovalNotFoundException(String message) {
        super(HttpStatus.NOT_FOUND, message, List.of());
    }
}
