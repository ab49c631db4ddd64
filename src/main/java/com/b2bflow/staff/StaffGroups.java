package com.b2bflow.staff;

import java.util.List;

/** The Camunda identity groups of the seller's staff. */
public final class StaffGroups {

    public static final String SELLER_ADMINS = "seller-admins";
    public static final String ACCOUNT_REPS = "account-reps";
    public static final String SITE_ADMINS = "site-admins";
    public static final String BACKOFFICE = "backoffice";
    public static final String CUSTOMER_SERVICE = "customer-service";
    public static final String INTEGRATION = "integration";
    public static final String CAMUNDA_ADMIN = "camunda-admin";
    /** Deploy changed models (Camunda Modeler) and watch and migrate instances in Cockpit; work no tasks. */
    public static final String PROCESS_DESIGNERS = "process-designers";

    public static final List<String> ALL = List.of(
            SELLER_ADMINS,
            ACCOUNT_REPS,
            SITE_ADMINS,
            BACKOFFICE,
            CUSTOMER_SERVICE,
            INTEGRATION,
            CAMUNDA_ADMIN,
            PROCESS_DESIGNERS);

    /** Groups whose members work tasks in Tasklist. */
    public static final List<String> TASK_WORKERS =
            List.of(SELLER_ADMINS, ACCOUNT_REPS, SITE_ADMINS, BACKOFFICE, CUSTOMER_SERVICE);

    private StaffGroups() {}

    public static String displayName(String groupId) {
        return switch (groupId) {
            case SELLER_ADMINS -> "Seller administrators";
            case ACCOUNT_REPS -> "Account representatives";
            case SITE_ADMINS -> "Site administrators";
            case BACKOFFICE -> "Back office";
            case CUSTOMER_SERVICE -> "Customer service";
            case INTEGRATION -> "ERP integration";
            case CAMUNDA_ADMIN -> "Camunda administrators";
            case PROCESS_DESIGNERS -> "Process designers";
            default -> groupId;
        };
    }
}
