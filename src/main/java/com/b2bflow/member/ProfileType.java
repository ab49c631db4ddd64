package com.b2bflow.member;

/** B: business user of a B2B organization; C: consumer-style user of the shop. */
public enum ProfileType {
    B,
    C
}
