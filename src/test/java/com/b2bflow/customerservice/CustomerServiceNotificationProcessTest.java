package com.b2bflow.customerservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.b2bflow.access.AccessRefusedException;
import com.b2bflow.access.Actor;
import com.b2bflow.access.Decision;
import com.b2bflow.access.Hat;
import com.b2bflow.access.OnBehalf;
import com.b2bflow.audit.AuditEvent;
import com.b2bflow.audit.AuditEventRepository;
import com.b2bflow.member.UserRepository;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.ProcessTest;
import com.b2bflow.support.TestSmtp;
import com.b2bflow.support.TestTenants;
import com.b2bflow.support.TestTenants.Tenant;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * customerServiceNotification: the customer is told (in their language) that a CSR accessed or disabled the account,
 * or that staff enabled it again.
 */
@ProcessTest
class CustomerServiceNotificationProcessTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    CustomerService customerService;

    @Autowired
    AuditEventRepository auditEvents;

    @Autowired
    UserRepository users;

    @Autowired
    TestTenants tenants;

    @Autowired
    JobDriver jobs;

    @Autowired
    TransactionTemplate transactions;

    static final Actor CSR = new Actor("csr", "Casey Service", true, Set.of(Hat.CUSTOMER_SERVICE), null, null, null);

    @BeforeEach
    void init() throws Exception {
        AbstractAssertions.init(engine);
        mail.purgeEmailFromAllMailboxes();
    }

    @Test
    void accessingAnAccountTellsTheCustomerWhoAndWhy() {
        Tenant tenant = tenants.create();
        OnBehalf onBehalf = customerService.startOnBehalf(CSR, tenant.adminId(), "  Ticket 4711: cannot add buyers ");
        assertThat(onBehalf.reason()).isEqualTo("Ticket 4711: cannot add buyers");
        assertThat(onBehalf.customerOrganizationId()).isEqualTo(tenant.organizationId());
        jobs.executeAll();

        HistoricProcessInstance instance = notification(tenant.adminId());
        assertThat(instance.getEndActivityId()).isEqualTo("EndEvent_AccessNotified");
        String email = tenant.admin() + "@example.com";
        assertThat(TestSmtp.to(mail, email)).singleElement().satisfies(m -> {
            assertThat(TestSmtp.subject(m)).isEqualTo("Customer service accessed your account " + tenant.admin());
            assertThat(TestSmtp.text(m))
                    .contains(
                            "Casey Service",
                            "Ticket 4711: cannot add buyers",
                            "http://shop.test/store/account/customer-service-history");
        });
        List<AuditEvent> events =
                auditEvents.findByTargetTypeAndTargetIdOrderByOccurredAt("User", String.valueOf(tenant.adminId()));
        assertThat(events).extracting(AuditEvent::getAction).contains("ON_BEHALF_STARTED");
        assertThat(events)
                .filteredOn(e -> e.getAction().equals("ON_BEHALF_STARTED"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getActor()).isEqualTo("csr");
                    assertThat(e.getOnBehalfOf()).isEqualTo(tenant.admin());
                    assertThat(e.getReason()).isEqualTo("Ticket 4711: cannot add buyers");
                    assertThat(e.getOrganizationId()).isEqualTo(tenant.organizationId());
                });
    }

    @Test
    void disablingAnAccountTellsTheCustomerInTheirLanguage() {
        Tenant tenant = tenants.create();
        transactions.executeWithoutResult(
                s -> users.findById(tenant.adminId()).orElseThrow().setPreferredLanguage("de"));
        CustomerView disabled = customerService.disable(CSR, tenant.adminId(), "Firma aufgelöst (Ticket 99)");
        assertThat(disabled.enabled()).isFalse();
        jobs.executeAll();

        assertThat(notification(tenant.adminId()).getEndActivityId()).isEqualTo("EndEvent_DisablingNotified");
        assertThat(TestSmtp.to(mail, tenant.admin() + "@example.com"))
                .singleElement()
                .satisfies(m -> {
                    assertThat(TestSmtp.subject(m))
                            .isEqualTo("Der Kundenservice hat Ihr Konto " + tenant.admin() + " deaktiviert");
                    assertThat(TestSmtp.text(m))
                            .contains("Hallo Ada Tester", "Angegebener Grund: Firma aufgelöst (Ticket 99)");
                });
        assertThat(users.findById(tenant.adminId()).orElseThrow().isEnabled()).isFalse();
    }

    @Test
    void enablingADisabledAccountTellsTheCustomerWhoAndWhy() {
        Tenant tenant = tenants.create();
        customerService.disable(CSR, tenant.adminId(), "Ticket 99");
        assertThatThrownBy(() -> customerService.enable(CSR, tenant.adminId(), ""))
                .isInstanceOfSatisfying(
                        InvalidRegistrationException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("reason"));
        assertThatThrownBy(() -> customerService.enable(CSR, tenant.buyerId(), "Ticket 100"))
                .isInstanceOfSatisfying(
                        AccessRefusedException.class,
                        e -> assertThat(e.decision()).isEqualTo(Decision.FORBIDDEN));
        CustomerView enabled = customerService.enable(CSR, tenant.adminId(), "Ticket 100: verified");
        assertThat(enabled.enabled()).isTrue();
        jobs.executeAll();

        assertThat(history.createHistoricProcessInstanceQuery()
                        .processDefinitionKey("customerServiceNotification")
                        .variableValueEquals("userId", tenant.adminId())
                        .list())
                .extracting(HistoricProcessInstance::getEndActivityId)
                .containsExactlyInAnyOrder("EndEvent_DisablingNotified", "EndEvent_EnablingNotified");
        assertThat(TestSmtp.to(mail, tenant.admin() + "@example.com")).last().satisfies(m -> {
            assertThat(TestSmtp.subject(m)).isEqualTo("Your account " + tenant.admin() + " is enabled again");
            assertThat(TestSmtp.text(m)).contains("Casey Service", "Ticket 100: verified");
        });
        assertThat(auditEvents.findByTargetTypeAndTargetIdOrderByOccurredAt("User", String.valueOf(tenant.adminId())))
                .filteredOn(e -> e.getAction().equals("CUSTOMER_ENABLED"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getActor()).isEqualTo("csr");
                    assertThat(e.getReason()).isEqualTo("Ticket 100: verified");
                });

        // a seller administrator enables any buyer; enabling an enabled account again mails nobody
        Actor seller = new Actor("seller-admin", "Sam Seller", true, Set.of(Hat.SELLER_ADMIN), null, null, null);
        assertThat(customerService
                        .enable(seller, tenant.buyerId(), "Ticket 101")
                        .enabled())
                .isTrue();
        jobs.executeAll();
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processDefinitionKey("customerServiceNotification")
                        .variableValueEquals("userId", tenant.buyerId())
                        .count())
                .isZero();
    }

    @Test
    void aReasonIsRequiredAndOnlyAdministratorsCanBeAccessed() {
        Tenant tenant = tenants.create();
        assertThatThrownBy(() -> customerService.startOnBehalf(CSR, tenant.adminId(), " "))
                .isInstanceOf(InvalidRegistrationException.class)
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> customerService.disable(CSR, tenant.adminId(), null))
                .isInstanceOf(InvalidRegistrationException.class);
        assertThatThrownBy(() -> customerService.startOnBehalf(CSR, tenant.buyerId(), "ticket"))
                .isInstanceOfSatisfying(
                        AccessRefusedException.class,
                        e -> assertThat(e.decision()).isEqualTo(Decision.FORBIDDEN));
        assertThatThrownBy(() -> customerService.startOnBehalf(CSR, -42, "ticket"))
                .isInstanceOfSatisfying(
                        AccessRefusedException.class,
                        e -> assertThat(e.decision()).isEqualTo(Decision.NOT_FOUND));
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processDefinitionKey("customerServiceNotification")
                        .variableValueEquals("userId", tenant.adminId())
                        .count())
                .isZero();
        assertThat(users.findById(tenant.adminId()).orElseThrow().isEnabled()).isTrue();
    }

    private HistoricProcessInstance notification(long userId) {
        return history.createHistoricProcessInstanceQuery()
                .processDefinitionKey("customerServiceNotification")
                .variableValueEquals("userId", userId)
                .singleResult();
    }
}
