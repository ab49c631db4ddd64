package com.b2bflow.cloudsuite;

import com.b2bflow.registration.MailModelContribution;
import com.b2bflow.registration.Registration;
import com.b2bflow.registration.RegistrationFlow;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The company the applicant named, the customer linked so far, and who decides, in CloudSuite mails. */
@Component
class CloudSuiteMailModel implements MailModelContribution {

    private static final Set<RegistrationFlow> FLOWS = EnumSet.of(
            RegistrationFlow.SHOP,
            RegistrationFlow.ERP_APPROVAL,
            RegistrationFlow.SHOP_APPROVAL,
            RegistrationFlow.ERP_EXTERNAL);

    private final SubmittedCompany submitted;

    CloudSuiteMailModel(SubmittedCompany submitted) {
        this.submitted = submitted;
    }

    @Override
    public void contribute(Registration registration, Map<String, Object> model) {
        if (!FLOWS.contains(registration.getFlow())) {
            return;
        }
        String company = submitted.companyName(registration);
        model.put("subjectArgument", company);
        model.put("companyName", company);
        model.put(
                "customerName",
                registration.getOrganization() == null
                        ? ""
                        : registration.getOrganization().getName());
        model.put("waitsForBackoffice", registration.getFlow() == RegistrationFlow.SHOP_APPROVAL);
        model.put(
                "approver",
                registration.getFlow() == RegistrationFlow.ERP_APPROVAL
                        ? "mail.approver.erp"
                        : "mail.approver.backoffice");
    }
}
