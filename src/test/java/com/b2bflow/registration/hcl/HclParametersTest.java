package com.b2bflow.registration.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.b2bflow.member.ProfileType;
import com.b2bflow.registration.ConsentTerms;
import com.b2bflow.registration.RegistrationRequest;
import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.InvalidRegistrationException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The parameter contract of BuyerRegistrationAdd / ResellerRegistrationAdd (seeds 002, 003; ADR 0013, 0024). */
class HclParametersTest {

    /** Values every documented parameter accepts; the ones with a rule of their own get a value that keeps it. */
    private static final Map<String, String> VALID = Map.of(
            "usr_profileType",
            "B",
            "usr_receiveEmail",
            "true",
            "usr_preferredLanguage",
            "-1",
            "usr_preferredCurrency",
            "EUR",
            "org_email1",
            "info@abc.example.com");

    @Test
    void everyDocumentedParameterIsAcceptedWithBothPrefixes() {
        MultiValueMap<String, String> parameters = seedExample();
        HclParameterCatalogue.USER.keySet().forEach(name -> parameters.set("usr_" + name, valueOf("usr_" + name)));
        HclParameterCatalogue.ORGANIZATION
                .keySet()
                .forEach(name -> parameters.set("org_" + name, valueOf("org_" + name)));
        HclParameters.FORBIDDEN.keySet().forEach(parameters::remove);

        assertThat(HclParameters.problems(parameters)).isEmpty();
        assertThat(HclParameterCatalogue.USER)
                .hasSizeGreaterThan(80)
                .containsKeys(
                        "profileType",
                        "preferredCurrency",
                        "receiveEmail",
                        "employeeId",
                        "departmentNumber",
                        "gender",
                        "demographicField7",
                        "userField3",
                        "challengeAnswer");
        assertThat(HclParameterCatalogue.ORGANIZATION)
                .containsKeys(
                        "email1", "phone1", "taxPayerId", "legalId", "orgEntityField1", "distinguishedName", "fax1");

        RegistrationRequest request = HclParameters.toRequest(parameters);
        // every accepted parameter has a place: a field, a column of the profile, or its HCL table
        parameters.keySet().stream()
                .filter(name -> !HclParameters.COMMAND.contains(name)
                        && !HclParameters.FIELDS.containsKey(name)
                        && !HclParameters.DISCARDED.contains(name))
                .forEach(name -> {
                    Map<String, Map<String, String>> attributes = name.startsWith("usr_")
                            ? request.hcl().userAttributes()
                            : request.hcl().organizationAttributes();
                    assertThat(attributes.get(HclParameterCatalogue.tableOf(name)))
                            .as(name)
                            .containsKey(name.substring(4));
                });
    }

    @Test
    void theSeedsExampleNeedsNoLastNameAndNoEmail() {
        RegistrationRequest request = HclParameters.toRequest(seedExample());

        assertThat(request.organization().name()).isEqualTo("ABC");
        assertThat(request.user().logonId()).isEqualTo("myUserLogonId");
        assertThat(request.user().lastName()).isNull();
        assertThat(request.user().email()).isNull();
        assertThat(request.hcl()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "usr_parentMember",
                "org_parentMember",
                "org_parentMemberId",
                "org_administratorFirstName",
                "org_administratorLastName",
                "org_administratorMiddleName",
                "org_orgEntityType"
            })
    void theExceptionsOfTheSeedsAreRefusedByName(String exception) {
        MultiValueMap<String, String> parameters = seedExample();
        parameters.add(exception, "x");

        assertThat(HclParameters.problems(parameters)).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo(exception);
            assertThat(problem.message()).startsWith("Not accepted: ");
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "usr_logonid",
                "usr_password",
                "org_name",
                "usr_",
                "user_logonId",
                "usr_orgEntityName",
                "org_logonId",
                "usr_administratorFirstName",
                "x"
            })
    void namesThatAreNotHclParametersAreRefused(String name) {
        MultiValueMap<String, String> parameters = seedExample();
        parameters.add(name, "x");

        assertThat(HclParameters.problems(parameters)).containsExactly(new FieldProblem(name, "Unknown parameter"));
    }

    @Test
    void valuesWithARuleAreCheckedAndNamed() {
        MultiValueMap<String, String> parameters = seedExample();
        parameters.add("usr_profileType", "X");
        parameters.add("usr_receiveEmail", "yes");
        parameters.add("langId", "-7");
        parameters.add("usr_employeeId", "e".repeat(255));
        parameters.add("usr_hobbies", "chess\u0007");

        assertThat(HclParameters.problems(parameters))
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder(
                        "usr_profileType", "usr_receiveEmail", "langId", "usr_employeeId", "usr_hobbies");
        parameters.add("usr_employeeId", "again");
        assertThat(HclParameters.problems(parameters))
                .contains(new FieldProblem("usr_employeeId", "Given more than once"));
    }

    @Test
    void theProfileColumnsAndTablesAreFilled() {
        MultiValueMap<String, String> parameters = seedExample();
        parameters.add("usr_profileType", "b");
        parameters.add("usr_preferredCurrency", "eur");
        parameters.add("usr_receiveEmail", "TRUE");
        parameters.add("org_email1", "info@abc.example.com");
        parameters.add("org_taxPayerId", "DE 123/456");
        parameters.add("usr_city", "Hamburg");
        parameters.add("usr_employeeId", "E-17");
        parameters.add("usr_gender", "F");
        parameters.add("org_fax1", "+49 40 1234");
        parameters.add("usr_challengeQuestion", "Pet?");
        parameters.add("usr_challengeAnswer", "Rex");

        var hcl = HclParameters.toRequest(parameters).hcl();

        assertThat(hcl.profileType()).isEqualTo(ProfileType.B);
        assertThat(hcl.preferredCurrency()).isEqualTo("EUR");
        assertThat(hcl.receiveEmail()).isTrue();
        assertThat(hcl.organizationEmail()).isEqualTo("info@abc.example.com");
        assertThat(hcl.organizationTaxPayerId()).isEqualTo("DE 123/456");
        assertThat(hcl.userAddress().city()).isEqualTo("Hamburg");
        assertThat(hcl.userAttributes())
                .isEqualTo(Map.of("BUSPROF", Map.of("employeeId", "E-17"), "USERDEMO", Map.of("gender", "F")));
        assertThat(hcl.organizationAttributes()).isEqualTo(Map.of("ADDRESS", Map.of("fax1", "+49 40 1234")));
    }

    @Test
    void languageIdsMapToTheStoresLanguages() {
        assertThat(HclParameters.language(null, "-1")).isEqualTo("en");
        assertThat(HclParameters.language(null, "-3")).isEqualTo("de");
        assertThat(HclParameters.language("-1", "-3"))
                .as("usr_preferredLanguage wins")
                .isEqualTo("en");
        assertThat(HclParameters.language("de_DE", null)).isEqualTo("de");
        assertThat(HclParameters.language(null, null)).isEmpty();
        assertThat(HclParameters.language("-5", null)).isNull();

        MultiValueMap<String, String> parameters = seedExample();
        parameters.add("langId", "-3");
        assertThat(HclParameters.toRequest(parameters).user().preferredLanguage())
                .isEqualTo("de");
        parameters.add("usr_preferredLanguage", "-10");
        assertThatThrownBy(() -> HclParameters.toRequest(parameters))
                .isInstanceOfSatisfying(
                        InvalidRegistrationException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("usr_preferredLanguage"));
    }

    @Test
    void countriesAsHclSendsThemBecomeTheirCodes() {
        MultiValueMap<String, String> parameters = seedExample();
        parameters.add("org_country", "United  States");
        parameters.add("usr_country", "Österreich");
        RegistrationRequest request = HclParameters.toRequest(parameters);
        assertThat(request.address().country()).isEqualTo("US");
        assertThat(request.hcl().userAddress().country()).isEqualTo("AT");

        parameters.set("usr_country", "aut");
        assertThat(HclParameters.toRequest(parameters).hcl().userAddress().country())
                .isEqualTo("AT");
        parameters.set("usr_country", "Bavaria");
        assertThat(HclParameters.toRequest(parameters).hcl().userAddress().country())
                .as("kept as sent: the address's validation refuses it, naming usr_country")
                .isEqualTo("Bavaria");
        assertThat(HclParameters.renamed(List.of(new FieldProblem("hcl.userAddress.country", "x"))))
                .extracting(FieldProblem::field)
                .containsExactly("usr_country");
    }

    @Test
    void theConsentIsThisProductsOwnParameterAndTravelsWithTheRequest() {
        MultiValueMap<String, String> parameters = seedExample();
        parameters.add("consentVersion", ConsentTerms.CURRENT);

        assertThat(HclParameters.problems(parameters)).isEmpty();
        assertThat(HclParameters.toRequest(parameters).consentVersion()).isEqualTo(ConsentTerms.CURRENT);
        assertThat(HclParameters.toRequest(seedExample()).consentVersion()).isNull();
    }

    @Test
    void problemsAreInTheLanguageOfTheRequest() {
        MultiValueMap<String, String> parameters = seedExample();
        parameters.add("usr_typo", "x");
        parameters.add("org_orgEntityType", "R");
        LocaleContextHolder.setLocale(Locale.GERMAN);
        try {
            assertThat(HclParameters.problems(parameters))
                    .containsExactlyInAnyOrder(
                            new FieldProblem("usr_typo", "Unbekannter Parameter"),
                            new FieldProblem(
                                    "org_orgEntityType",
                                    "Bei dieser Registrierung nicht zulässig: Der Organisationstyp ist immer O"));
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
        assertThat(HclParameters.problems(parameters))
                .contains(new FieldProblem("org_orgEntityType", "Not accepted: The organization type is always O"));
    }

    @Test
    void problemsAreRenamedToTheParameterThatCarriedTheField() {
        assertThat(HclParameters.renamed(List.of(
                        new FieldProblem("user.lastName", "x"),
                        new FieldProblem("hcl.organizationEmail", "y"),
                        new FieldProblem("hcl.profileType", "z"))))
                .extracting(FieldProblem::field)
                .containsExactly("usr_lastName", "org_email1", "usr_profileType");
    }

    /** Seed 003's example request, as the form parameters of a POST. */
    static MultiValueMap<String, String> seedExample() {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("storeId", "10001");
        parameters.add("URL", "OrgRegistrationAddPendingForApprovalView");
        parameters.add("org_orgEntityName", "ABC");
        parameters.add("usr_logonId", "myUserLogonId");
        parameters.add("usr_logonPassword", "myUser1Password");
        parameters.add("usr_logonPasswordVerify", "myUser1Password");
        return parameters;
    }

    private static String valueOf(String parameter) {
        return VALID.getOrDefault(parameter, "v");
    }
}
