package com.b2bflow.registration.process;

import com.b2bflow.registration.Executions;
import com.b2bflow.registration.RegistrationMails;
import com.b2bflow.staff.StaffGroups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Organization registration, step 2 of HCL Commerce's workflow: seller administrators learn that an organization
 * registered.
 */
@Component
public class NotifySellerAdmins implements JavaDelegate {

    private final RegistrationMails mails;

    public NotifySellerAdmins(RegistrationMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.submittedToStaff(Executions.registrationId(execution), StaffGroups.SELLER_ADMINS,
                Executions.notificationKey(execution));
    }
}
