package com.b2bflow.models;

import com.b2bflow.B2bRegistrationApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.context.annotation.ConfigurationClassPostProcessor;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The names of the beans the application defines itself (components and {@code @Bean} methods of its
 * configuration classes), read from the bean definitions without creating a single bean: models name these in
 * {@code ${...}} expressions, and checking them this way needs no engine, database or web server.
 * Conditions are evaluated against application.yaml, as at run time without a profile.
 */
final class ApplicationBeanNames {

    private static Set<String> names;

    private ApplicationBeanNames() {}

    static synchronized Set<String> all() {
        if (names == null) {
            names = read();
        }
        return names;
    }

    private static Set<String> read() {
        StandardEnvironment environment = new StandardEnvironment();
        try {
            new YamlPropertySourceLoader()
                    .load("application.yaml", new ClassPathResource("application.yaml"))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DefaultListableBeanFactory registry = new DefaultListableBeanFactory();
        ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner(registry, true, environment);
        // the application class would pull in every auto-configuration; the models only name the application's beans
        scanner.addExcludeFilter(new AnnotationTypeFilter(SpringBootApplication.class));
        scanner.scan(B2bRegistrationApplication.class.getPackageName());
        ConfigurationClassPostProcessor configurations = new ConfigurationClassPostProcessor();
        configurations.setEnvironment(environment);
        configurations.setResourceLoader(new DefaultResourceLoader());
        configurations.postProcessBeanDefinitionRegistry(registry);
        return Set.of(registry.getBeanDefinitionNames());
    }
}
