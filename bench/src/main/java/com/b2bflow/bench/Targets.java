package com.b2bflow.bench;

import com.b2bflow.registration.RegistrationFlow;
import com.b2bflow.registration.RegistrationService;
import com.b2bflow.registration.SubmittedRegistration;
import com.b2bflow.support.TestRegistrations;
import com.icegreen.greenmail.util.GreenMail;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.ConfigurableApplicationContext;

/** The two systems of the lifecycle benchmark. */
final class Targets {

    private Targets() {}

    /** The application in this JVM: registrations submitted through RegistrationService (bcrypt and all). */
    static LifecycleBenchmark.Target application(
            ConfigurableApplicationContext context,
            GreenMail mail,
            java.util.concurrent.atomic.AtomicLong mailsAccepted) {
        ProcessEngine engine = context.getBean(ProcessEngine.class);
        RegistrationService registrations = context.getBean(RegistrationService.class);
        return new LifecycleBenchmark.Target() {
            @Override
            public String name() {
                return "application";
            }

            @Override
            public ProcessEngine engine() {
                return engine;
            }

            @Override
            public List<String> prepare(int count) throws Exception {
                long waiting = waitingAtReview(engine);
                List<String> ids = inParallel(count, () -> {
                    SubmittedRegistration submitted =
                            registrations.submit(RegistrationFlow.ORGANIZATION, TestRegistrations.organization());
                    return engine.getRuntimeService()
                            .createProcessInstanceQuery()
                            .processInstanceBusinessKey(submitted.id())
                            .singleResult()
                            .getId();
                });
                LifecycleBenchmark.awaitAtReview(engine, waiting + count);
                mail.purgeEmailFromAllMailboxes();
                return ids;
            }

            @Override
            public LongSupplier finished() {
                return mailsAccepted::get;
            }
        };
    }

    /** The bare engine: instances started with the variables a registration starts with. */
    static LifecycleBenchmark.Target bare(BareEngine bare) {
        return new LifecycleBenchmark.Target() {
            @Override
            public String name() {
                return "bare engine";
            }

            @Override
            public ProcessEngine engine() {
                return bare.engine;
            }

            @Override
            public List<String> prepare(int count) throws Exception {
                long waiting = waitingAtReview(bare.engine);
                List<String> ids = inParallel(
                        count,
                        () -> bare.engine
                                .getRuntimeService()
                                .startProcessInstanceByKey(
                                        BareEngine.PROCESS_KEY,
                                        UUID.randomUUID().toString(),
                                        startVariables())
                                .getId());
                LifecycleBenchmark.awaitAtReview(bare.engine, waiting + count);
                return ids;
            }

            @Override
            public LongSupplier finished() {
                return bare.approvalsNotified::get;
            }
        };
    }

    /** The same variables (names, kinds, sizes) as StartVariables gives a registration process. */
    static Map<String, Object> startVariables() {
        String key = TestRegistrations.unique("acme");
        Map<String, Object> variables = new HashMap<>();
        variables.put(
                "registrationId", UUID.randomUUID().toString().replace("-", "").substring(0, 22));
        variables.put("approvalRequired", true);
        variables.put("organizationName", key + " Corp");
        variables.put("organizationDescription", "Industrial supplies");
        variables.put("businessCategory", "Wholesale");
        variables.put("taxId", "");
        variables.put("emailDomain", "");
        variables.put("addressSummary", "Main Street 1, 10115 Berlin, Germany");
        variables.put("applicantName", "Ada Buyer");
        variables.put("applicantLogonId", key);
        variables.put("applicantEmail", key + "@" + key + ".example.com");
        return variables;
    }

    static long waitingAtReview(ProcessEngine engine) {
        return engine.getTaskService()
                .createTaskQuery()
                .taskDefinitionKey("Task_ReviewRegistration")
                .count();
    }

    interface Call {
        String call() throws Exception;
    }

    /** Runs {@code count} calls on two threads (the preparation is not measured). */
    static List<String> inParallel(int count, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(call::call));
            }
            List<String> ids = Collections.synchronizedList(new ArrayList<>());
            for (Future<String> future : futures) {
                ids.add(future.get());
            }
            return ids;
        } finally {
            pool.shutdown();
        }
    }
}
