package com.b2bflow.support;

import com.b2bflow.cloudsuite.ErpCustomerRequest;
import com.b2bflow.member.AddressData;
import com.b2bflow.registration.OrganizationData;
import com.b2bflow.registration.RegistrationRequest;
import com.b2bflow.registration.UserData;

/** Valid, unique requests for the CloudSuite flows (shop, ERP, partial registrations). */
public final class CloudSuiteRequests {

    private CloudSuiteRequests() {}

    /** A company registration with a unique name, logon id, tax id and email domain. */
    public static RegistrationRequest company() {
        String key = TestRegistrations.unique("shop");
        return company(key + " Trading", key.toUpperCase().replace("-", ""), key + ".example.com");
    }

    public static RegistrationRequest company(String name, String taxId, String emailDomain) {
        String logonId = TestRegistrations.unique("user");
        return new RegistrationRequest(
                new OrganizationData(name, "Tools and hardware", "Retail", taxId, emailDomain),
                new UserData(
                        logonId,
                        TestRegistrations.PASSWORD,
                        TestRegistrations.PASSWORD,
                        "Ada",
                        null,
                        "Lovelace",
                        logonId + "@" + (emailDomain == null ? "example.com" : emailDomain),
                        "+31 20 555 0100",
                        "en"),
                new AddressData("Dam 1", null, "Amsterdam", null, "1012 JS", "NL", null),
                null);
    }

    public static ErpCustomerRequest erpCustomer(boolean sendActivationEmail) {
        String key = TestRegistrations.unique("erp");
        return new ErpCustomerRequest(
                new ErpCustomerRequest.Organization(
                        key + " Industries", "C-" + key, "From the ERP", "Wholesale", null, null),
                new AddressData("Industrieweg 5", null, "Utrecht", null, "3542 AD", "NL", null),
                new ErpCustomerRequest.User(key, "Erik", null, "Ross", key + "@example.com", null, "en", null),
                sendActivationEmail);
    }
}
