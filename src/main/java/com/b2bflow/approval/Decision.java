package com.b2bflow.approval;

import com.b2bflow.shared.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;

/** An approver's decision: {@code rejectionReason} is required when {@code approved} is false. */
@PlainText
public record Decision(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Boolean approved,

        @Schema(description = "Required when rejecting; sent to the buyer", maxLength = 2000)
        String rejectionReason) {}
