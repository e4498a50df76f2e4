package dev.shardbridge.emulator.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shardbridge.emulator.fault.FaultRuleStatus;
import dev.shardbridge.emulator.http.AdminRoute;
import dev.shardbridge.emulator.http.ApiResponse;
import dev.shardbridge.emulator.operation.Json;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API over HTTP, under {@code /shardbridge/admin/}: JSON in, JSON out, a thin adapter over
 * {@link EmulatorAdmin}. Refusals answer 4xx with {@code {"message": ...}}; only a bug answers 500.
 * The endpoints are listed in {@code docs/emulator-admin.md}.
 */
public final class AdminHttpRoute implements AdminRoute {
    static final String ADMIN_PREFIX = PREFIX + "admin/";
    private static final Logger LOG = LoggerFactory.getLogger(AdminHttpRoute.class);
    private static final String JSON = "application/json";

    private final EmulatorAdmin admin;
    private final List<Endpoint> endpoints;

    /** Answers one matched request from its path parameters and body. */
    @FunctionalInterface
    private interface Handler {
        JsonNode handle(Map<String, String> path, AdminBody body);
    }

    private record Endpoint(String method, PathPattern path, int status, Handler handler) {
    }

    public AdminHttpRoute(EmulatorAdmin admin) {
        this.admin = admin;
        this.endpoints = List.of(
                new Endpoint("GET", PathPattern.of("clock"), 200, (path, body) -> clock(body)),
                new Endpoint("POST", PathPattern.of("clock/advance"), 200, (path, body) -> advanceClock(body)),
                new Endpoint("GET", PathPattern.of("tables/{table}/shards"), 200,
                        (path, body) -> AdminAnswers.shards(admin.shards(noBody(body, path.get("table"))))),
                new Endpoint("POST", PathPattern.of("tables/{table}/roll"), 200,
                        (path, body) -> AdminAnswers.shards(admin.rollShards(noBody(body, path.get("table"))))),
                new Endpoint("GET", PathPattern.of("tables/{table}/partitions"), 200,
                        (path, body) -> partitions(noBody(body, path.get("table")))),
                new Endpoint("PUT", PathPattern.of("tables/{table}/partitions"), 200,
                        (path, body) -> setPartitions(path.get("table"), body)),
                new Endpoint("POST", PathPattern.of("tables/{table}/partitions/{partition}/split"), 200,
                        (path, body) -> split(path.get("table"), noBody(body, path.get("partition")))),
                new Endpoint("GET", PathPattern.of("faults"), 200, (path, body) -> faults(body)),
                new Endpoint("POST", PathPattern.of("faults"), 201,
                        (path, body) -> FaultRuleJson.write(admin.addFault(FaultRuleJson.read(body)))),
                new Endpoint("DELETE", PathPattern.of("faults"), 200,
                        (path, body) -> Json.object().put("removed", admin.clearFaults())),
                new Endpoint("GET", PathPattern.of("faults/{id}"), 200,
                        (path, body) -> FaultRuleJson.write(fault(noBody(body, path.get("id"))))),
                new Endpoint("DELETE", PathPattern.of("faults/{id}"), 200,
                        (path, body) -> FaultRuleJson.write(admin.removeFault(faultId(noBody(body, path.get("id")))))));
    }

    @Override
    public ApiResponse handle(String method, String path, byte[] body) {
        try {
            return dispatch(method, path, body);
        } catch (AdminException e) {
            return answer(e.failure().httpStatus(), AdminAnswers.message(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("Admin request {} {} failed", method, path, e);
            return answer(500, AdminAnswers.message("internal error: " + e));
        }
    }

    private ApiResponse dispatch(String method, String path, byte[] body) {
        if (!path.startsWith(ADMIN_PREFIX)) {
            throw AdminException.notFound("no endpoint at " + path + "; the admin API is under " + ADMIN_PREFIX);
        }
        List<String> segments = Arrays.stream(path.substring(ADMIN_PREFIX.length()).split("/"))
                .filter(segment -> !segment.isEmpty()).toList();
        Set<String> allowed = new TreeSet<>();
        for (Endpoint endpoint : endpoints) {
            Map<String, String> parameters = endpoint.path().match(segments);
            if (parameters == null) {
                continue;
            }
            if (endpoint.method().equals(method)) {
                return answer(endpoint.status(), endpoint.handler().handle(parameters, AdminBody.parse(body)));
            }
            allowed.add(endpoint.method());
        }
        if (!allowed.isEmpty()) {
            throw new AdminException(AdminFailure.METHOD_NOT_ALLOWED, method + " is not allowed on " + path
                    + "; use " + String.join(" or ", allowed));
        }
        throw AdminException.notFound("no admin endpoint " + method + " " + path);
    }

    private JsonNode clock(AdminBody body) {
        noBody(body, null);
        return AdminAnswers.clock(admin.clock());
    }

    /** Advances by {@code {"millis": n}} or by {@code {"duration": "PT1H"}} (ISO-8601), exactly one. */
    private JsonNode advanceClock(AdminBody body) {
        body.allowOnly(Set.of("millis", "duration"));
        Long millis = body.integer("millis");
        String duration = body.text("duration");
        if ((millis == null) == (duration == null)) {
            throw AdminException.badRequest("give exactly one of 'millis' (e.g. 60000) or 'duration' "
                    + "(ISO-8601, e.g. \"PT1H\")");
        }
        return AdminAnswers.clock(admin.advanceClock(millis != null ? Duration.ofMillis(millis) : duration(duration)));
    }

    private JsonNode partitions(String table) {
        return AdminAnswers.partitions(table, admin.partitions(table));
    }

    private JsonNode setPartitions(String table, AdminBody body) {
        body.allowOnly(Set.of("partitions"));
        Long partitions = body.integer("partitions");
        if (partitions == null) {
            throw AdminException.badRequest("'partitions' is required, e.g. {\"partitions\": 8}");
        }
        if (partitions < 1 || partitions > EmulatorAdmin.MAX_PARTITIONS) {
            throw AdminException.badRequest("partitions must be 1.." + EmulatorAdmin.MAX_PARTITIONS + ", was "
                    + partitions);
        }
        admin.setPartitions(table, partitions.intValue());
        return AdminAnswers.partitions(table, partitions.intValue());
    }

    private JsonNode split(String table, String partitionText) {
        int partition;
        try {
            partition = Integer.parseInt(partitionText);
        } catch (NumberFormatException e) {
            throw AdminException.badRequest("partition index must be an integer, was '" + partitionText + "'");
        }
        return AdminAnswers.partitions(table, admin.splitPartition(table, partition));
    }

    private JsonNode faults(AdminBody body) {
        noBody(body, null);
        ObjectNode answer = Json.object();
        ArrayNode faults = answer.putArray("faults");
        admin.faults().forEach(status -> faults.add(FaultRuleJson.write(status)));
        return answer;
    }

    private FaultRuleStatus fault(String idText) {
        long id = faultId(idText);
        return admin.fault(id).orElseThrow(() -> AdminException.notFound("no fault rule with id " + id));
    }

    private static long faultId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw AdminException.badRequest("fault rule id must be an integer, was '" + text + "'");
        }
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw AdminException.badRequest("'duration' must be ISO-8601 such as PT1H, PT30M or P1D, was '"
                    + text + "'");
        }
    }

    /** Refuses a body on an endpoint that takes none, then passes {@code value} through. */
    private static <T> T noBody(AdminBody body, T value) {
        body.allowOnly(Set.of());
        return value;
    }

    private static ApiResponse answer(int status, JsonNode json) {
        try {
            return new ApiResponse(status, JSON, Json.MAPPER.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an admin answer always serialises", e);
        }
    }
}
