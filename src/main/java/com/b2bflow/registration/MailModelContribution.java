package com.b2bflow.registration;

import java.util.Map;

/**
 * What a feature adds to the model of a registration mail, so that one staff notification step can send any
 * flow's template: the CloudSuite flows add the company the applicant named and who decides.
 */
public interface MailModelContribution {

    void contribute(Registration registration, Map<String, Object> model);
}
