package com.b2bflow.customerservice;

import com.b2bflow.shared.PlainText;

/** Why customer service acts: a ticket number or free text (required). */
@PlainText
public record ReasonRequest(String reason) {}
