package com.b2bflow.cloudsuite;

import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.staff.IntegrationProcess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CloudSuiteConfiguration {

    /** The ERP's technical user works the external tasks of the approval flow through /engine-rest. */
    @Bean
    IntegrationProcess erpApprovalIntegration() {
        return new IntegrationProcess(RegistrationFlow.ERP_APPROVAL.processKey());
    }
}
