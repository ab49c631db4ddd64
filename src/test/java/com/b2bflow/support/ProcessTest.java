package com.b2bflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;

/**
 * An {@link IntegrationTest} whose test class must cover every flow node and sequence flow of the processes it
 * runs (camunda-process-test-coverage; reports under target/process-test-coverage).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@Import({ProcessEngineCoverageConfiguration.class, FullCoverage.class, FormVariablesCheck.class})
@TestExecutionListeners(value = {ProcessEngineCoverageTestExecutionListener.class, FormVariablesCheck.Verdict.class},
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface ProcessTest {
}
