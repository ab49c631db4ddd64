package com.b2bflow.shared;

/** A message about one submitted field, named by its path in the JSON body (e.g. {@code user.logonId}). */
public record FieldProblem(String field, String message) {}
