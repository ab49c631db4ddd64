package com.b2bflow.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationSubmitters;
import com.b2bflow.support.CloudSuiteRequests;
import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.JobDriver;
import com.b2bflow.support.TestSmtp;
import com.b2bflow.support.TestTiers;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The loser of two simultaneous answers to one external task can find the execution gone inside the engine
 * (a NullValueException that Camunda answers 500): once the other answer committed, that is a 409. A plain "does not
 * exist" keeps Camunda's own answer, and an unknown task is no conflict.
 */
@Tag(TestTiers.DATABASE)
@IntegrationTest
class ExternalTaskRaceConflictTest {

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @Autowired
    RegistrationSubmitters submitters;

    @Autowired
    ExternalTaskService externalTasks;

    @Autowired
    JobDriver jobs;

    @Test
    void theLoserThatFindsTheExecutionGoneGetsAConflict() {
        String registrationId = submitters
                .submit(RegistrationFlow.ERP_APPROVAL, CloudSuiteRequests.company())
                .id();
        jobs.executeAll();
        String taskId = externalTasks
                .fetchAndLock(1, "erp-race")
                .topic("erp-registration", 30_000)
                .businessKey(registrationId)
                .execute()
                .get(0)
                .getId();
        externalTasks.complete(taskId, "erp-race", Map.of("erpCustomerNumber", "ERP-RACE-" + registrationId));
        UriInfo completeUri = uri("/engine-rest/external-task/" + taskId + "/complete");

        Response raced = EngineRestErrors.answer(
                        new NullValueException("Cannot find execution: execution is null"), completeUri)
                .orElseThrow();
        assertThat(raced.getStatus()).isEqualTo(409);
        assertThat(EngineRestErrors.answer(new NotFoundException("External task does not exist"), completeUri))
                .isEmpty();
        assertThat(EngineRestErrors.answer(
                        new NullValueException("execution is null"),
                        uri("/engine-rest/external-task/no-such-task/complete")))
                .isEmpty();
        assertThat(externalTasks
                        .createExternalTaskQuery()
                        .externalTaskId(taskId)
                        .count())
                .isZero();
    }

    /** A task completed while the "Task created" notice of its scope commits: the engine finds the parent gone. */
    @Test
    void aCompletionThatFindsItsParentExecutionGoneGetsAConflict() {
        Response raced = EngineRestErrors.answer(
                        new org.camunda.bpm.engine.ProcessEngineException(
                                "ENGINE-03077 Cannot resolve parent with id 'p' of execution 'e', perhaps it was deleted in the "
                                        + "meantime"),
                        uri("/engine-rest/task/some-task/submit-form"))
                .orElseThrow();

        assertThat(raced.getStatus()).isEqualTo(409);
    }

    private static UriInfo uri(String path) {
        return (UriInfo) Proxy.newProxyInstance(
                UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getPath")) {
                        return path;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
