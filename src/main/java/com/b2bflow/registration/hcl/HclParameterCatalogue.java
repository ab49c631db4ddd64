package com.b2bflow.registration.hcl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The documented parameters of HCL Commerce's UserRegistrationAdd ({@code usr_}) and OrgEntityAdd ({@code org_})
 * URLs, each with the HCL table that holds its value there (the tables the registration URLs name: USERS, USERREG,
 * USERPROF, BUSPROF, USERDEMO, ADDRESS, ORGENTITY; member attributes as MBRATTRVAL). Names are without prefix.
 */
final class HclParameterCatalogue {

    static final String ADDRESS = "ADDRESS";

    /** The address parameters both commands take (the user's own address, the organization's address). */
    private static final List<String> ADDRESS_PARAMETERS = List.of(
            "personTitle",
            "firstName",
            "middleName",
            "lastName",
            "businessTitle",
            "nickName",
            "address1",
            "address2",
            "address3",
            "city",
            "state",
            "country",
            "zipCode",
            "email1",
            "email2",
            "phone1",
            "phone1Type",
            "publishPhone1",
            "phone2",
            "phone2Type",
            "publishPhone2",
            "fax1",
            "fax2",
            "mobilePhone1",
            "mobilePhone1Country",
            "bestCallingTime",
            "addressType",
            "addressField1",
            "addressField2",
            "addressField3",
            "billingCode",
            "billingCodeType",
            "officeAddress",
            "organizationName",
            "organizationUnitName",
            "packageSuppression",
            "shippingGeoCode",
            "taxGeoCode");

    /** UserRegistrationAdd: parameter → HCL table. */
    static final Map<String, String> USER = user();

    /** OrgEntityAdd: parameter → HCL table. */
    static final Map<String, String> ORGANIZATION = organization();

    private HclParameterCatalogue() {}

    private static Map<String, String> user() {
        Map<String, String> user = new LinkedHashMap<>();
        ADDRESS_PARAMETERS.forEach(name -> user.put(name, ADDRESS));
        List.of("logonId", "logonPassword", "logonPasswordVerify", "challengeQuestion", "challengeAnswer")
                .forEach(name -> user.put(name, "USERREG"));
        List.of(
                        "parentMember",
                        "profileType",
                        "preferredLanguage",
                        "preferredCurrency",
                        "userField1",
                        "userField2",
                        "userField3")
                .forEach(name -> user.put(name, "USERS"));
        List.of(
                        "displayName",
                        "description",
                        "photo",
                        "preferredCommunication",
                        "preferredDelivery",
                        "preferredMeasure",
                        "taxPayerId")
                .forEach(name -> user.put(name, "USERPROF"));
        List.of(
                        "employeeId",
                        "employeeType",
                        "departmentNumber",
                        "manager",
                        "secretary",
                        "alternateId",
                        "requisitionerId")
                .forEach(name -> user.put(name, "BUSPROF"));
        List.of(
                        "gender",
                        "age",
                        "income",
                        "incomeCurrency",
                        "maritalStatus",
                        "children",
                        "household",
                        "companyName",
                        "hobbies",
                        "orderBefore",
                        "timeZone",
                        "dateOfBirth")
                .forEach(name -> user.put(name, "USERDEMO"));
        IntStream.rangeClosed(1, 7).forEach(i -> user.put("demographicField" + i, "USERDEMO"));
        List.of("receiveEmail", "receiveSMSNotification", "receiveSMS").forEach(name -> user.put(name, "MBRATTRVAL"));
        return Map.copyOf(user);
    }

    private static Map<String, String> organization() {
        Map<String, String> organization = new LinkedHashMap<>();
        ADDRESS_PARAMETERS.forEach(name -> organization.put(name, ADDRESS));
        List.of(
                        "orgEntityName",
                        "orgEntityType",
                        "parentMemberId",
                        "parentMember",
                        "distinguishedName",
                        "administratorFirstName",
                        "administratorLastName",
                        "administratorMiddleName",
                        "businessCategory",
                        "description",
                        "legalId",
                        "taxPayerId",
                        "orgEntityField1",
                        "orgEntityField2",
                        "orgEntityField3",
                        // not HCL's: this product's own (the domain of the organization's buyers' email addresses)
                        "emailDomain")
                .forEach(name -> organization.put(name, "ORGENTITY"));
        return Map.copyOf(organization);
    }

    /** The HCL table of a prefixed parameter ({@code usr_employeeId} → BUSPROF), or null if not documented. */
    static String tableOf(String parameter) {
        if (parameter.startsWith(HclParameters.USER_PREFIX)) {
            return USER.get(parameter.substring(HclParameters.USER_PREFIX.length()));
        }
        if (parameter.startsWith(HclParameters.ORGANIZATION_PREFIX)) {
            return ORGANIZATION.get(parameter.substring(HclParameters.ORGANIZATION_PREFIX.length()));
        }
        return null;
    }
}
