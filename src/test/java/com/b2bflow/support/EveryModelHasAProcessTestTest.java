package com.b2bflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

/**
 * The 100 % coverage gate of {@link ProcessTest} applies per test class to the processes that class runs, so a new
 * model without a process test would pass unnoticed. Every executable process the application deploys (the
 * {@code processes/} resources) has its process test class: {@code <ProcessKey>ProcessTest}, annotated
 * {@link ProcessTest}, in the package of the feature.
 */
class EveryModelHasAProcessTestTest {

    @Test
    void everyDeployedProcessKeyHasAProcessTestClass() throws IOException {
        List<String> keys = new ArrayList<>();
        for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
            try (InputStream in = model.getInputStream()) {
                Bpmn.readModelFromStream(in).getModelElementsByType(Process.class).stream()
                        .filter(Process::isExecutable)
                        .map(Process::getId)
                        .forEach(keys::add);
            }
        }
        assertThat(keys).as("executable processes on the class path").hasSizeGreaterThanOrEqualTo(10);
        List<String> missing = keys.stream().filter(key -> !hasProcessTest(key)).toList();
        assertThat(missing)
                .as("process keys without a class <Key>ProcessTest annotated @ProcessTest")
                .isEmpty();
    }

    private static boolean hasProcessTest(String processKey) {
        String simpleName = Character.toUpperCase(processKey.charAt(0)) + processKey.substring(1) + "ProcessTest";
        try {
            for (Resource file : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:com/b2bflow/**/" + simpleName + ".class")) {
                String path = file.getURL().getPath();
                String name = path.substring(path.lastIndexOf("com/b2bflow/"), path.length() - ".class".length())
                        .replace('/', '.');
                if (AnnotatedElementUtils.hasAnnotation(ClassUtils.forName(name, null), ProcessTest.class)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Cannot look for " + simpleName, e);
        }
    }
}
