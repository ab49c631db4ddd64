package com.b2bflow.registration;

import com.b2bflow.member.ApprovalState;
import com.b2bflow.shared.ProblemException;
import com.b2bflow.shared.Texts;
import java.util.List;
import org.springframework.http.HttpStatus;

public class RegistrationAlreadyDecidedException extends ProblemException {

    public RegistrationAlreadyDecidedException(String registrationId, ApprovalState state) {
        super(
                HttpStatus.CONFLICT,
                Texts.text("conflict.alreadyDecided"),
                List.of(),
                "Registration " + registrationId + " was already decided: " + state);
    }
}
