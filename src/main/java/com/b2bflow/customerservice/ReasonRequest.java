package com.b2bflow.customerservice;

/** Why customer service acts: a ticket number or free text (required). */
public record ReasonRequest(String reason) {
}
