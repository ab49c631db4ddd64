package com.b2bflow.cloudsuite;

import java.util.List;

/** An existing customer that matches a partial registration's company information, and why. */
public record CustomerMatch(long id, String name, String erpCustomerNumber, List<String> reasons) {

    public String label() {
        return name + " (id " + id + (erpCustomerNumber == null ? "" : ", ERP " + erpCustomerNumber)
                + (reasons.isEmpty() ? "" : "; " + String.join(", ", reasons)) + ")";
    }
}
