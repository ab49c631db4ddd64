package com.b2bflow.registration.process;

import static com.b2bflow.registration.ProcessVariables.ACCOUNT_NAME;
import static com.b2bflow.registration.ProcessVariables.CONTRACTS;
import static com.b2bflow.registration.ProcessVariables.CONTRACT_NAME;
import static com.b2bflow.registration.ProcessVariables.CONTRACT_TERMS;
import static com.b2bflow.registration.ProcessVariables.CONTRACT_VALID_FROM;
import static com.b2bflow.registration.ProcessVariables.CONTRACT_VALID_TO;

import com.b2bflow.account.ContractTerms;
import com.b2bflow.registration.AccountSetup;
import com.b2bflow.registration.Executions;
import com.b2bflow.registration.OrgSelfRegistrationProcess;
import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.StaffDecisions;
import com.b2bflow.shared.Texts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete {@code Task_SetUpAccount} without an account and at least one valid contract. The contracts
 * come from the form's dynamic list ({@code contracts}) or, from a client that sends one contract, from the flat
 * contract variables; a refusal names the contract (by its place in the list) and its field.
 */
@Component
public class ValidateAccountSetup implements TaskListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The form's field of each part of a contract's terms. */
    private static final Map<ContractTerms.Part, String> FIELDS = Map.of(
            ContractTerms.Part.NAME,
            CONTRACT_NAME,
            ContractTerms.Part.TERMS,
            CONTRACT_TERMS,
            ContractTerms.Part.VALID_FROM,
            CONTRACT_VALID_FROM,
            ContractTerms.Part.VALID_TO,
            CONTRACT_VALID_TO);

    @Override
    public void notify(DelegateTask task) {
        read(task);
        task.setVariable(OrgSelfRegistrationProcess.Variables.ACCOUNT_SET_UP_BY, StaffDecisions.decider(task));
    }

    /** The account set-up entered in the task; throws a form validation error naming the field at fault. */
    static AccountSetup read(VariableScope scope) {
        String accountName = Executions.text(scope, ACCOUNT_NAME);
        if (accountName == null || accountName.isEmpty()) {
            throw StaffDecisions.refused(ACCOUNT_NAME, "staff.refusal.accountNameRequired");
        }
        if (accountName.length() > 128) {
            throw StaffDecisions.refused(ACCOUNT_NAME, "validation.atMost128Characters");
        }
        List<Map<String, Object>> entered = entered(scope);
        if (entered.isEmpty()) {
            throw StaffDecisions.refused(CONTRACT_NAME, "staff.refusal.contractRequired");
        }
        List<ContractTerms> contracts = new ArrayList<>();
        for (int i = 0; i < entered.size(); i++) {
            contracts.add(contract(
                    entered.get(i),
                    entered.size() == 1
                            ? ""
                            : Texts.text("staff.refusal.contractNumber", String.valueOf(i + 1)) + ", "));
        }
        return new AccountSetup(accountName, contracts);
    }

    private static ContractTerms contract(Map<String, Object> fields, String which) {
        ContractTerms terms = new ContractTerms(
                text(fields.get(CONTRACT_NAME)),
                text(fields.get(CONTRACT_TERMS)),
                date(fields.get(CONTRACT_VALID_FROM), which + CONTRACT_VALID_FROM),
                date(fields.get(CONTRACT_VALID_TO), which + CONTRACT_VALID_TO));
        terms.violation().ifPresent(violation -> {
            throw StaffDecisions.refusedBecause(which + FIELDS.get(violation.part()), violation.message());
        });
        return terms;
    }

    /** The dynamic list's rows (empty rows left out), else the one contract of the flat variables. */
    private static List<Map<String, Object>> entered(VariableScope scope) {
        Object list = scope.getVariable(CONTRACTS);
        List<Map<String, Object>> rows = new ArrayList<>();
        if (list == null || list.toString().isBlank()) {
            Map<String, Object> flat = new java.util.HashMap<>();
            for (String field : FIELDS.values()) {
                flat.put(field, scope.getVariable(field));
            }
            if (!blank(flat)) {
                rows.add(flat);
            }
            return rows;
        }
        JsonNode array;
        try {
            array = list instanceof List<?> || list instanceof Map<?, ?>
                    ? JSON.valueToTree(list)
                    : JSON.readTree(list.toString());
        } catch (Exception e) {
            throw StaffDecisions.refused(CONTRACTS, "staff.refusal.contractsNotAList");
        }
        if (!array.isArray()) {
            throw StaffDecisions.refused(CONTRACTS, "staff.refusal.contractsNotAList");
        }
        for (JsonNode row : array) {
            Map<String, Object> fields = new java.util.HashMap<>();
            for (String field : FIELDS.values()) {
                JsonNode value = row.path(field);
                fields.put(field, value.isMissingNode() || value.isNull() ? null : value.asText());
            }
            if (!blank(fields)) {
                rows.add(fields);
            }
        }
        return rows;
    }

    private static boolean blank(Map<String, Object> fields) {
        return fields.values().stream()
                .allMatch(value -> value == null || value.toString().isBlank());
    }

    private static String text(Object value) {
        return ProcessVariables.text(value);
    }

    private static LocalDate date(Object value, String field) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        String text = value.toString().strip();
        try {
            return LocalDate.parse(text.substring(0, Math.min(10, text.length())));
        } catch (DateTimeParseException e) {
            throw StaffDecisions.refused(field, "validation.dateFormat");
        }
    }
}
