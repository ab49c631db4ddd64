package com.b2bflow.system;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * The process engine is built after Flyway has migrated the database: the engine's tables are Flyway's
 * ({@link CamundaEngineSchema}) and the engine only checks them ({@code schema-update: false}). Spring Boot orders JPA
 * and JDBC templates after database initialization by itself; this detector (registered in spring.factories) adds
 * Camunda's engine to them.
 */
class ProcessEngineDependsOnFlyway extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(ProcessEngine.class, ProcessEngineFactoryBean.class);
    }
}
