package com.b2bflow.registration.process;

import com.b2bflow.registration.Executions;
import com.b2bflow.registration.RegistrationMails;
import com.b2bflow.staff.StaffGroups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reseller registration: site administrators learn that a reseller registered and waits for their approval. */
@Component
public class NotifySiteAdmins implements JavaDelegate {

    private final RegistrationMails mails;

    public NotifySiteAdmins(RegistrationMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.submittedToStaff(Executions.registrationId(execution), StaffGroups.SITE_ADMINS,
                Executions.notificationKey(execution));
    }
}
