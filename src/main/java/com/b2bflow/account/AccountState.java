package com.b2bflow.account;

public enum AccountState {
    PENDING,
    ACTIVE,
    CLOSED
}
