package com.b2bflow.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.b2bflow.B2bRegistrationApplication;
import com.b2bflow.member.ProfileType;
import com.b2bflow.support.TestTiers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Validation of the registration policies, without Spring; plus one start-up that a bad policy stops. */
class RegistrationPoliciesTest {

    private static final List<String> ROLES = List.of(
            "Buyer Administrator",
            "Buyer Approver",
            "Buyer",
            "Organization Participant",
            "Reseller Administrator",
            "Registered Customer",
            "Customer Superuser");

    /** The policies of application.yaml. */
    private static Map<String, RegistrationProperties.Policy> validPolicies() {
        Map<String, RegistrationProperties.Policy> policies = new LinkedHashMap<>();
        policies.put(
                "BuyerRegistration",
                policy("Seller/Buyer Organizations", List.of("Buyer Administrator", "Buyer Approver"), null, true));
        policies.put(
                "ResellerRegistration",
                policy(
                        "Seller/Reseller Organizations",
                        List.of("Reseller Administrator", "Buyer Administrator"),
                        null,
                        true));
        policies.put("UserRegistration", policy(null, List.of("Buyer"), null, true));
        policies.put(
                "ShopRegistration",
                policy("Seller/Shop Customers", List.of("Customer Superuser", "Buyer"), null, false));
        policies.put(
                "ErpRegistration", policy("Seller/ERP Customers", List.of("Customer Superuser", "Buyer"), null, false));
        policies.put(
                "ErpApprovalRegistration",
                policy("Seller/ERP Customers", List.of("Customer Superuser", "Buyer"), null, true));
        policies.put("ShopApprovalRegistration", policy(null, List.of("Buyer"), null, true));
        policies.put(
                "SuperuserCreation",
                policy(null, List.of(), List.of("Buyer", "Buyer Approver", "Organization Participant"), false));
        return policies;
    }

    private static RegistrationProperties.Policy policy(
            String parent, List<String> roles, List<String> selectable, Boolean approvalRequired) {
        return new RegistrationProperties.Policy(
                parent, roles, selectable, approvalRequired, ProfileType.B, null, null);
    }

    /** A BuyerRegistration policy that presets the review's roles and approval groups. */
    private static RegistrationProperties.Policy presetting(List<String> organizationRoles, List<String> groups) {
        return new RegistrationProperties.Policy(
                "Seller/Buyer Organizations",
                List.of("Buyer Administrator"),
                null,
                true,
                ProfileType.B,
                organizationRoles,
                groups);
    }

    private static RegistrationPolicies build(UnaryOperator<Map<String, RegistrationProperties.Policy>> change) {
        return new RegistrationPolicies(new RegistrationProperties(ROLES, change.apply(validPolicies()), null));
    }

    private static Map<String, RegistrationProperties.Policy> replace(
            Map<String, RegistrationProperties.Policy> all, String type, RegistrationProperties.Policy p) {
        all.put(type, p);
        return all;
    }

    @Test
    void validConfigurationBuilds() {
        RegistrationPolicies policies = build(UnaryOperator.identity());

        assertThat(policies.all()).hasSize(RegistrationType.values().length);
        assertThat(policies.knownRoles()).containsExactlyInAnyOrderElementsOf(ROLES);
        RegistrationPolicy buyer = policies.forType(RegistrationType.BuyerRegistration);
        assertThat(buyer.parentPath()).containsExactly("Seller", "Buyer Organizations");
        assertThat(buyer.roles()).containsExactly("Buyer Administrator", "Buyer Approver");
        assertThat(buyer.approvalRequired()).isTrue();
        assertThat(buyer.profileType()).isEqualTo(ProfileType.B);
        assertThat(policies.forType(RegistrationType.UserRegistration).parentPath())
                .isEmpty();
        assertThat(policies.forType(RegistrationType.ShopRegistration).approvalRequired())
                .isFalse();
        assertThat(policies.forType(RegistrationType.SuperuserCreation).selectableRoles())
                .containsExactly("Buyer", "Buyer Approver", "Organization Participant");
        assertThat(policies.forType(RegistrationType.SuperuserCreation).roles()).isEmpty();
    }

    @Test
    void theReviewsPresetsComeFromThePolicyAndFourEyesIsOnUnlessSwitchedOff() {
        RegistrationPolicies policies = build(all -> replace(
                all, "BuyerRegistration", presetting(List.of("Buyer"), List.of("UserRegistration", "OrderApproval"))));
        RegistrationPolicy buyer = policies.forType(RegistrationType.BuyerRegistration);
        assertThat(buyer.organizationRoles()).containsExactly("Buyer");
        assertThat(buyer.approvalGroups()).containsExactly("UserRegistration", "OrderApproval");
        assertThat(policies.forType(RegistrationType.ResellerRegistration).approvalGroups())
                .as("not set: User Registration")
                .containsExactly("UserRegistration");
        assertThat(policies.forType(RegistrationType.ResellerRegistration).organizationRoles())
                .as("not set: the seller's default applies")
                .isEmpty();
        assertThat(policies.fourEyes()).isTrue();
        assertThat(new RegistrationPolicies(new RegistrationProperties(ROLES, validPolicies(), false)).fourEyes())
                .isFalse();
    }

    @Test
    void unknownApprovalGroupNamesItsIndex() {
        assertThatThrownBy(() -> build(all -> replace(
                        all, "BuyerRegistration", presetting(List.of("Buyer"), List.of("UserRegistration", "Orders")))))
                .isInstanceOf(InvalidRegistrationPolicyException.class)
                .hasMessageContaining("'app.registration.policies.BuyerRegistration.approval-groups[1]'")
                .hasMessageContaining("unknown approval group 'Orders'");
    }

    @Test
    void parentPathIsTrimmed() {
        RegistrationPolicies policies = build(all ->
                replace(all, "ShopRegistration", policy(" Seller / Shop Customers ", List.of("Buyer"), null, false)));
        assertThat(policies.forType(RegistrationType.ShopRegistration).parentPath())
                .containsExactly("Seller", "Shop Customers");
    }

    @Test
    void unknownRoleNamesItsIndex() {
        assertThatThrownBy(() -> build(all -> replace(
                        all,
                        "BuyerRegistration",
                        policy("Seller/Buyer Organizations", List.of("Buyer Administrator", "Nope"), null, true))))
                .isInstanceOf(InvalidRegistrationPolicyException.class)
                .hasMessageContaining("'app.registration.policies.BuyerRegistration.roles[1]'")
                .hasMessageContaining("Nope");
    }

    @Test
    void unknownSelectableRoleNamesItsIndex() {
        assertThatThrownBy(() -> build(all -> replace(
                        all,
                        "SuperuserCreation",
                        policy(null, List.of(), List.of("Buyer", "Buyer", "Emperor"), false))))
                .isInstanceOf(InvalidRegistrationPolicyException.class)
                .hasMessageContaining("'app.registration.policies.SuperuserCreation.selectable-roles[2]'");
    }

    @Test
    void missingParentOfATypeThatCreatesOrganizations() {
        assertThatThrownBy(() -> build(all ->
                        replace(all, "BuyerRegistration", policy(null, List.of("Buyer Administrator"), null, true))))
                .isInstanceOf(InvalidRegistrationPolicyException.class)
                .hasMessageContaining("'app.registration.policies.BuyerRegistration.parent'");
        assertThatThrownBy(() ->
                        build(all -> replace(all, "ErpRegistration", policy("  ", List.of("Buyer"), null, false))))
                .isInstanceOf(InvalidRegistrationPolicyException.class)
                .hasMessageContaining("'app.registration.policies.ErpRegistration.parent'");
    }

    @Test
    void emptyNameInParentPath() {
        assertThatThrownBy(() -> build(all -> replace(
                        all,
                        "ResellerRegistration",
                        policy("Seller//Resellers", List.of("Reseller Administrator"), null, true))))
                .isInstanceOf(InvalidRegistrationPolicyException.class)
                .hasMessageContaining("'app.registration.policies.ResellerRegistration.parent'");
        assertThatThrownBy(() -> build(all -> replace(
                        all, "ResellerRegistration", policy("Seller/", List.of("Reseller Administrator"), null, true))))
                .isInstanceOf(InvalidRegistrationPolicyException.class)
                .hasMessageContaining("'app.registration.policies.ResellerRegistration.parent'");
    }

    @Test
    void unknownTypeName() {
        assertThatThrownBy(() -> build(all -> replace(all, "Nonsense", policy(null, List.of("Buyer"), null, true))))
                .isInstanceOf(InvalidRegistrationPolicyException.class)
                .hasMessageContaining("'app.registration.policies.Nonsense'")
                .hasMessageContaining("BuyerRegistration");
    }

    @Test
    void missingPolicyForAType() {
        assertThatThrownBy(() -> build(all -> {
                    all.remove("ShopApprovalRegistration");
                    return all;
                }))
                .isInstanceOf(InvalidRegistrationPolicyException.class)
                .hasMessageContaining("'app.registration.policies.ShopApprovalRegistration'");
    }

    @Test
    void noPoliciesAtAll() {
        assertThatThrownBy(() -> new RegistrationPolicies(new RegistrationProperties(ROLES, null, null)))
                .isInstanceOf(InvalidRegistrationPolicyException.class)
                .hasMessageContaining("'app.registration.policies.");
    }

    @Test
    void emptyPolicy() {
        assertThatThrownBy(() -> build(all -> replace(all, "UserRegistration", null)))
                .isInstanceOf(InvalidRegistrationPolicyException.class)
                .hasMessageContaining("'app.registration.policies.UserRegistration'");
    }

    @Test
    void missingApprovalRequired() {
        assertThatThrownBy(() ->
                        build(all -> replace(all, "UserRegistration", policy(null, List.of("Buyer"), null, null))))
                .isInstanceOf(InvalidRegistrationPolicyException.class)
                .hasMessageContaining("'app.registration.policies.UserRegistration.approval-required'");
    }

    @Test
    void missingProfileType() {
        assertThatThrownBy(() -> build(all -> replace(
                        all,
                        "UserRegistration",
                        new RegistrationProperties.Policy(null, List.of("Buyer"), null, true, null, null, null))))
                .isInstanceOf(InvalidRegistrationPolicyException.class)
                .hasMessageContaining("'app.registration.policies.UserRegistration.profile-type'");
    }

    @Test
    void noRolesConfigured() {
        assertThatThrownBy(() -> new RegistrationPolicies(new RegistrationProperties(List.of(), validPolicies(), null)))
                .isInstanceOf(InvalidRegistrationPolicyException.class)
                .hasMessageContaining("'app.registration.roles'");
    }

    /** A bad policy in the configuration stops the application, and the error names the key at fault. */
    @Test
    @Tag(TestTiers.INTEGRATION)
    void invalidPolicyStopsStartUp() {
        Throwable failure = null;
        // The app needs a servlet environment (its security filter chains), so a web server on a free port rather
        // than web-application-type=none. Its own engine name, so that closing it leaves the engine that other
        // test contexts registered as "default" (Camunda's JVM-wide registry, which /engine-rest reads) alone.
        SpringApplicationBuilder application = new SpringApplicationBuilder(B2bRegistrationApplication.class)
                .profiles("test")
                .properties(
                        "server.port=0",
                        "spring.datasource.url=jdbc:h2:mem:policy_"
                                + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1",
                        "spring.datasource.username=sa",
                        "spring.datasource.password=",
                        "camunda.bpm.process-engine-name=policyStartUp");
        // properties(...) are default properties, which application.yaml overrides: the bad one is an argument
        try (ConfigurableApplicationContext context =
                application.run("--app.registration.policies.BuyerRegistration.roles[0]=Nope")) {
            // started: the bad policy went unnoticed
        } catch (RuntimeException e) {
            failure = e;
        }
        assertThat(failure).as("start-up with an unknown role").isNotNull();
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        assertThat(chain)
                .anySatisfy(t -> assertThat(t)
                        .isInstanceOf(InvalidRegistrationPolicyException.class)
                        .hasMessageContaining("'app.registration.policies.BuyerRegistration.roles[0]'")
                        .hasMessageContaining("Nope"));
    }
}
