package com.b2bflow.registration;

import com.b2bflow.member.ApprovalState;
import com.b2bflow.staff.StaffGroups;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Registration metrics. Counts per flow and state and open staff tasks per group are read from the shared
 * database, so every node of a cluster reports the same cluster-wide figures; time to decision, reminders,
 * escalations and mail failures are counted by the node that did the work (Prometheus sums them). Open incidents
 * (jobs or external tasks whose retries are exhausted, what Cockpit shows) are read from the engine's tables.
 */
@Component
public class RegistrationMetrics {

    private final MeterRegistry registry;
    private final RegistrationRepository registrations;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final MultiGauge byFlowAndState;
    private final MultiGauge openIncidents;

    public RegistrationMetrics(
            MeterRegistry registry,
            RegistrationRepository registrations,
            TaskService tasks,
            RepositoryService repository,
            RuntimeService runtime) {
        this.registry = registry;
        this.registrations = registrations;
        this.repository = repository;
        this.runtime = runtime;
        this.byFlowAndState = MultiGauge.builder("b2b.registrations")
                .description("Registrations per flow and state (submitted = all states)")
                .register(registry);
        this.openIncidents = MultiGauge.builder("b2b.incidents.open")
                .description("Open Camunda incidents (retries exhausted: failed mail jobs, failed ERP answers) per "
                        + "process definition key and incident type; resolved by a retry in Cockpit")
                .register(registry);
        for (String group : StaffGroups.TASK_WORKERS) {
            Gauge.builder(
                            "b2b.staff.tasks.open",
                            tasks,
                            t -> t.createTaskQuery()
                                    .taskCandidateGroup(group)
                                    .includeAssignedTasks()
                                    .count())
                    .description("Open staff tasks per candidate group")
                    .tag("group", group)
                    .register(registry);
        }
        refresh();
    }

    /** Re-reads the counts per flow and state (every 30 s; cheap: one grouped query on an indexed column). */
    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
    public void refresh() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (Object[] row : registrations.countByFlowAndState()) {
            rows.add(MultiGauge.Row.of(
                    Tags.of(
                            "flow",
                            ((RegistrationFlow) row[0]).pathSegment(),
                            "state",
                            ((ApprovalState) row[1]).name()),
                    (Long) row[2]));
        }
        byFlowAndState.register(rows, true);
        refreshIncidents();
    }

    private void refreshIncidents() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (ProcessDefinition definition :
                repository.createProcessDefinitionQuery().latestVersion().list()) {
            for (String type : List.of(Incident.FAILED_JOB_HANDLER_TYPE, Incident.EXTERNAL_TASK_HANDLER_TYPE)) {
                long open = runtime.createIncidentQuery()
                        .processDefinitionKeyIn(definition.getKey())
                        .incidentType(type)
                        .count();
                rows.add(MultiGauge.Row.of(Tags.of("processDefinitionKey", definition.getKey(), "type", type), open));
            }
        }
        openIncidents.register(rows, true);
    }

    public void decided(Registration registration) {
        Timer.builder("b2b.registration.decision.time")
                .description("Time from submission to decision")
                .tag("flow", registration.getFlow().pathSegment())
                .tag("outcome", registration.getState().name())
                .publishPercentileHistogram()
                .register(registry)
                .record(Duration.between(
                        registration.getSubmittedAt(),
                        registration.getDecidedAt() == null ? Instant.now() : registration.getDecidedAt()));
    }

    public void reminderSent(String group) {
        counter("b2b.sla.reminders", "Reminders sent to staff groups", group).increment();
    }

    public void escalationSent(String group) {
        counter("b2b.sla.escalations", "Escalations sent to site administrators", group)
                .increment();
    }

    private Counter counter(String name, String description, String group) {
        return Counter.builder(name)
                .description(description)
                .tag("group", group == null ? "" : group)
                .register(registry);
    }
}
