package com.b2bflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.b2bflow.audit.AuditEventRepository;
import com.b2bflow.member.UserRepository;
import com.b2bflow.registration.RegistrationRepository;
import com.b2bflow.registration.RegistrationRequest;
import com.b2bflow.registration.UserData;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.TestRegistrations;
import com.b2bflow.support.TestSmtp;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A whole organization registration (submit over HTTP with a known password, review, account set-up, approval
 * through the engine API, sign-in), then a search for the password and its bcrypt hash in every engine variable
 * (runtime and history, including variable updates), every audit event, the stored submission and the log.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverStoredTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JobDriver jobs;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired UserRepository users;
    @Autowired RegistrationRepository registrations;
    @Autowired AuditEventRepository audit;
    @Autowired JdbcTemplate jdbc;

    @Test
    void thePasswordAndItsHashAppearNowhere(CapturedOutput output) throws Exception {
        String password = "tangerine " + UUID.randomUUID().toString().substring(0, 8) + " lantern";
        RegistrationRequest template = TestRegistrations.organization();
        UserData u = template.user();
        RegistrationRequest request = new RegistrationRequest(template.organization(),
                new UserData(u.logonId(), password, password, u.firstName(), u.middleName(), u.lastName(), u.email(),
                        u.phone(), u.preferredLanguage()), template.address(), null);
        String body = mvc.perform(post("/api/registrations/organization").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(TestRegistrations.body(request))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String registrationId = json.readTree(body).get("id").asText();
        String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(registrationId)
                .singleResult().getId();
        jobs.executeAll();
        complete(instanceId, Map.of("approved", true));
        complete(instanceId, Map.of("accountName", "Main account", "contractName", "Standard terms",
                "contractTerms", "Net 30", "contractValidFrom", "2026-01-01", "contractValidTo", ""));
        complete(instanceId, Map.of("approved", true));
        jobs.executeAll();
        mvc.perform(formLogin("/store/login").userParameter("logonId").passwordParam("logonPassword")
                .user(u.logonId()).password(password)).andExpect(redirectedUrl("/store/account"));
        String hash = users.findByLogonId(u.logonId()).orElseThrow().getPasswordHash();
        assertThat(hash).isNotBlank();

        List<String> stored = new ArrayList<>();
        history.createHistoricVariableInstanceQuery().list().forEach(v -> stored.add(v.getName() + "=" + v.getValue()));
        history.createHistoricDetailQuery().variableUpdates().list()
                .forEach(d -> stored.add(String.valueOf(((HistoricVariableUpdate) d).getValue())));
        runtime.createVariableInstanceQuery().list().forEach(v -> stored.add(v.getName() + "=" + v.getValue()));
        audit.findAll().forEach(e -> stored.add(e.getActor() + " " + e.getAction() + " " + e.getTargetId() + " "
                + e.getDetails() + " " + e.getReason() + " " + e.getOnBehalfOf()));
        stored.add(registrations.findById(registrationId).orElseThrow().getSubmittedData());
        assertThat(jdbc.queryForObject("SELECT password_hash FROM registration WHERE id = ?", String.class,
                registrationId)).as("the creation step took the hash from the submission").isNull();
        assertThat(stored).as("something of this registration was searched").anyMatch(s -> s.contains(u.logonId()));
        assertThat(stored).allSatisfy(value -> assertThat(value).doesNotContain(password).doesNotContain(hash));
        assertThat(output.getAll()).as("the log was captured").isNotEmpty()
                .doesNotContain(password).doesNotContain(hash)
                .doesNotContain(password.replace(" ", "+")).doesNotContain(password.replace(" ", "%20"));
    }

    private void complete(String instanceId, Map<String, Object> variables) {
        var task = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
        assertThat(task).isNotNull();
        tasks.complete(task.getId(), variables);
        jobs.executeAll();
    }
}
