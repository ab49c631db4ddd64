package com.b2bflow.support;

import org.camunda.bpm.container.RuntimeContainerDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Makes the test's own engine the JVM's "default" engine before each test method, in both of Camunda's registries.
 *
 * <p>Camunda keeps one registry of engines per JVM ({@link ProcessEngines}), keyed by name, and {@code /engine-rest}
 * (and the webapps) serve whatever engine is registered there as "default". Spring's context cache keeps the H2
 * and the PostgreSQL application contexts alive side by side in one JVM, each with an engine named "default",
 * and the one started last wins; closing a context even removes the name. Without this, a REST call in an H2
 * test could be answered by the PostgreSQL engine, or by none.
 */
public class CurrentProcessEngine extends AbstractTestExecutionListener {

    @Override
    public int getOrder() {
        // after dependency injection (2000), before the test's own @BeforeEach methods
        return Ordered.LOWEST_PRECEDENCE - 1000;
    }

    @Override
    public void beforeTestClass(TestContext testContext) {
        register(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        register(testContext);
    }

    private static void register(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext
                    .getApplicationContext()
                    .getBeanProvider(ProcessEngine.class)
                    .ifAvailable(CurrentProcessEngine::register);
        }
    }

    /**
     * Both registries: {@link ProcessEngines}, and the runtime container's, which the webapps' sign-in filter asks
     * first for the engine a request names (the one sign-in answered 500 when it held another context's engine).
     */
    private static void register(ProcessEngine engine) {
        ProcessEngines.registerProcessEngine(engine);
        RuntimeContainerDelegate container = RuntimeContainerDelegate.INSTANCE.get();
        ProcessEngine registered = container.getProcessEngineService().getProcessEngine(engine.getName());
        if (registered != engine) {
            if (registered != null) {
                container.unregisterProcessEngine(registered);
            }
            container.registerProcessEngine(engine);
        }
    }
}
