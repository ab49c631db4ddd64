package com.b2bflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The requests Camunda 7.24's Tasklist sends to the engine REST API when a user opens it (its
 * {@code cam-tasklist-view-ctrl.js}): the number of task filters, the filters (without their item counts), and the
 * first page of the first filter's tasks: {@code POST filter/{id}/list?firstResult=0&maxResults=15} as HAL, sorted by
 * created desc, active tasks only, whose answer carries the page and the total {@code count} the filter shows.
 * docker/aot-cache.sh sends the same requests in the training run.
 */
final class TasklistPage {

    static final String LIST_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TasklistPage() {}

    /** Opens Tasklist as {@code user} on the filter Tasklist focuses first; returns the HAL page. */
    static JsonNode open(Http http, String user) throws Exception {
        Http.ok(http.get("/engine-rest/filter/count?itemCount=false&resourceType=Task", user, "application/json"), 200);
        JsonNode filters = JSON.readTree(Http.ok(
                        http.get(
                                "/engine-rest/filter?firstResult=0&maxResults=2000"
                                        + "&itemCount=false&resourceType=Task",
                                user,
                                "application/json"),
                        200)
                .body());
        if (filters.isEmpty()) {
            throw new IllegalStateException(user + " sees no task filter");
        }
        return tasks(http, user, focused(filters).get("id").asText());
    }

    /** The first page of a filter's tasks with their count, as Tasklist asks for it. */
    static JsonNode tasks(Http http, String user, String filterId) throws Exception {
        return JSON.readTree(Http.ok(
                        http.postJson(
                                "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15",
                                user,
                                "application/hal+json",
                                LIST_BODY),
                        200)
                .body());
    }

    /** The filter Tasklist focuses without one in the address: the lowest {@code properties.priority}. */
    private static JsonNode focused(JsonNode filters) {
        JsonNode focused = null;
        for (JsonNode filter : filters) {
            if (focused == null
                    || filter.path("properties").path("priority").asInt(0)
                            < focused.path("properties").path("priority").asInt(0)) {
                focused = filter;
            }
        }
        return focused;
    }
}
