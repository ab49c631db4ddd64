package com.b2bflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.Tag;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;

/**
 * A process test on the real engine, database and SMTP server without the web layer ({@link EngineApplication}), whose test class must cover
 * every flow node and sequence flow of the processes it runs (camunda-process-test-coverage; reports under
 * target/process-test-coverage). Tagged {@code process}: part of {@code mvn test}, on H2 only.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EngineApplication
@Tag(TestTiers.PROCESS)
@Import({ProcessEngineCoverageConfiguration.class, FullCoverage.class, FormVariablesCheck.class})
@TestExecutionListeners(
        value = {ProcessEngineCoverageTestExecutionListener.class, FormVariablesCheck.Verdict.class},
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface ProcessTest {}
