package com.b2bflow.staff;

/**
 * A process whose instances the integration group (the ERP's technical user) may read and drive through
 * /engine-rest. The module that owns the process declares it as a bean, so the staff setup needs no import of it.
 */
public record IntegrationProcess(String processKey) {}
