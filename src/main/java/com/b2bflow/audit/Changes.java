package com.b2bflow.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Before and after of the fields an action changed, for the audit log (as JSON {@code {"before":…,"after":…}}, which
 * the readable histories turn into "field: old → new").
 */
public final class Changes {

    private final Map<String, Object> before = new LinkedHashMap<>();
    private final Map<String, Object> after = new LinkedHashMap<>();

    /** Records a change when the values differ; returns whether they did. */
    public boolean record(String field, Object oldValue, Object newValue) {
        if (Objects.equals(oldValue, newValue)) {
            return false;
        }
        before.put(field, oldValue);
        after.put(field, newValue);
        return true;
    }

    public int size() {
        return after.size();
    }

    public boolean isEmpty() {
        return after.isEmpty();
    }

    public static String json(ObjectMapper json, Object before, Object after) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", before);
        details.put("after", after);
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize audit details", e);
        }
    }

    public String json(ObjectMapper json) {
        return json(json, before, after);
    }
}
