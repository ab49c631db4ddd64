package com.b2bflow.staff;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.springframework.stereotype.Component;

/** Puts {@link ClaimedTaskChecker} in place of the engine's own authorization command checker. */
@Component
public class ClaimedTaskPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration
                .getCommandCheckers()
                .replaceAll(checker ->
                        checker.getClass() == AuthorizationCommandChecker.class ? new ClaimedTaskChecker() : checker);
    }
}
