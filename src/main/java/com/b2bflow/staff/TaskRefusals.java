package com.b2bflow.staff;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A staff decision our task listeners refuse ({@link FormFieldValidationException}) leaves the engine as itself.
 * <p>
 * The engine wraps whatever a task listener throws in a plain {@code ProcessEngineException} ("ENGINE-03051 ...
 * TaskListener"), which every REST API Camunda ships answers with a 500 and the command context logs at ERROR with
 * its stack trace. Unwrapped inside the command, Camunda's own task resources (of {@code /engine-rest} and of the
 * webapps' API that Tasklist calls) answer it with a 400, and the engine logs it at DEBUG; this plugin logs the
 * refusal once, at WARN, in one line. See ADR 0026.
 */
@Component
public class TaskRefusals extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(TaskRefusals.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPostCommandInterceptorsTxRequired(
                withUnwrapping(configuration.getCustomPostCommandInterceptorsTxRequired()));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(
                withUnwrapping(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
        RefusalsLoggedQuietly contexts = new RefusalsLoggedQuietly();
        // the engine hands its configuration only to a factory it creates itself
        contexts.setProcessEngineConfiguration(configuration);
        configuration.setCommandContextFactory(contexts);
    }

    /** The refusal a task listener threw, wherever the engine wrapped it; null when the failure is no refusal. */
    static FormFieldValidationException refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof FormFieldValidationException refusal) {
                return refusal;
            }
        }
        return null;
    }

    private static java.util.List<CommandInterceptor> withUnwrapping(java.util.List<CommandInterceptor> existing) {
        java.util.List<CommandInterceptor> interceptors =
                existing == null ? new ArrayList<>() : new ArrayList<>(existing);
        interceptors.add(0, new Unwrapping());
        return interceptors;
    }

    /** Runs inside the command context, so that the context sees (and logs) the refusal itself. */
    static class Unwrapping extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (RuntimeException failure) {
                FormFieldValidationException refusal = refusal(failure);
                if (refusal == null || refusal == failure) {
                    throw failure;
                }
                log.warn("Task completion refused: {}", refusal.getMessage());
                throw refusal;
            }
        }
    }

    /** The engine's command context, logging a refusal at DEBUG like a bad request instead of at ERROR. */
    static class RefusalsLoggedQuietly extends CommandContextFactory {

        @Override
        public CommandContext createCommandContext() {
            return new CommandContext(processEngineConfiguration) {
                @Override
                protected boolean shouldLogFine(Throwable exception) {
                    return exception instanceof FormFieldValidationException || super.shouldLogFine(exception);
                }
            };
        }
    }
}
