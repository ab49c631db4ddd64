package com.b2bflow.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The models the application deploys: every {@code processes/*.bpmn} on the class path, read with Camunda's model API. */
record ProcessModels(String file, BpmnModelInstance model) {

    static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

    static List<ProcessModels> all() {
        try {
            Resource[] resources =
                    new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn");
            if (resources.length == 0) {
                throw new IllegalStateException("no processes/*.bpmn on the class path");
            }
            return Arrays.stream(resources)
                    .sorted(Comparator.comparing(Resource::getFilename))
                    .map(ProcessModels::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProcessModels read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new ProcessModels(resource.getFilename(), Bpmn.readModelFromStream(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return file;
    }
}
