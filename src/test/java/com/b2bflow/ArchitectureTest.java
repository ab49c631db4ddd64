package com.b2bflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

/** The placement rules of docs/adr/0007-module-cut.md that module verification alone does not check. */
class ArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.b2bflow");

    @Test
    void delegatesAreComponentsInTheProcessPackageOfTheirFeature() {
        classes()
                .that()
                .implement(JavaDelegate.class)
                .or()
                .implement(TaskListener.class)
                .or()
                .implement(ExecutionListener.class)
                .should()
                .resideInAPackage("com.b2bflow.*.process")
                .andShould()
                .beAnnotatedWith(Component.class)
                .because(
                        "the models name delegates by bean name, and each lives in the module of the feature it serves")
                .check(MAIN);
    }

    @Test
    void sharedKernelKnowsNoFeature() {
        classes()
                .that()
                .resideInAPackage("com.b2bflow.shared..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "com.b2bflow.shared..",
                        "java..",
                        "jakarta..",
                        "org.springframework..",
                        "com.fasterxml.jackson..")
                .because("validation and problem types are used by every module, so they may use none")
                .check(MAIN);
    }
}
