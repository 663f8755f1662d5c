package org.koban.server.cve.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.koban.server.cve.CveServicesException;
import org.koban.server.cve.CveServicesException.Reason;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The calls Koban makes to CVE Services (API 2.x, {@code cve-services-api/openapi.json}), with its three
 * authentication headers on each. What is retried, and how:
 *
 * <ul>
 *   <li>429: CVE Services did nothing, so every call is repeated after the {@code Retry-After} it sent (seconds
 *       or an HTTP date; one second when absent), at most {@code max-retries} times and never waiting longer
 *       than {@code max-retry-wait}.
 *   <li>5xx, network error, timeout: repeated only for calls that may safely run twice (GET and PUT). For the
 *       POSTs the server may already have acted, so the caller gets {@link Reason#OUTCOME_UNKNOWN} and must
 *       reconcile rather than call again.
 * </ul>
 */
final class CveServicesClient {

    /** One CVE id as CVE Services lists it. */
    record RemoteId(
            String cveId,
            String state,
            @Nullable String requestedByUser,
            @Nullable Instant reserved) {}

    /** The ids of one reservation; {@code partial} when the quota ran out on the way (206). */
    record Reservation(List<RemoteId> ids, boolean partial) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final CveServicesProperties properties;
    private final HttpClient http;
    private final Sleeper sleeper;
    private final Clock clock;

    CveServicesClient(CveServicesProperties properties, Sleeper sleeper, Clock clock) {
        this.properties = properties;
        this.sleeper = sleeper;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connect())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    boolean configured() {
        return properties.configured();
    }

    /** {@code POST /cve-id}: reserves {@code amount} ids of {@code year} for Koban's organisation. */
    Reservation reserve(int year, int amount) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("amount", Integer.toString(amount));
        query.put("cve_year", Integer.toString(year));
        query.put("short_name", properties.orgShortName());
        if (amount > 1) query.put("batch_type", "sequential");
        Response response = send("POST", "/cve-id", query, null, false);
        List<RemoteId> ids = ids(response.body().path("cve_ids"));
        boolean partial = response.status() == 206;
        if (partial && ids.isEmpty()) {
            throw new CveServicesException(
                    Reason.QUOTA_EXHAUSTED,
                    "CVE Services reserved no id: the organisation's quota is used up (" + message(response.body())
                            + ")");
        }
        return new Reservation(ids, partial);
    }

    /** {@code GET /cve-id}: every id of the organisation in the given state (all states when null), all pages. */
    List<RemoteId> list(@Nullable String state) {
        List<RemoteId> all = new ArrayList<>();
        int page = 1;
        for (int guard = 0; guard < 10_000; guard++) {
            Map<String, String> query = new LinkedHashMap<>();
            if (state != null) query.put("state", state);
            query.put("page", Integer.toString(page));
            JsonNode body = send("GET", "/cve-id", query, null, true).body();
            all.addAll(ids(body.path("cve_ids")));
            JsonNode next = body.path("nextPage");
            if (!next.isNumber() || next.asInt() <= page) break;
            page = next.asInt();
        }
        return all;
    }

    /** {@code POST /cve/{id}/cna}: publishes the record of a reserved id. */
    JsonNode create(String cveId, ObjectNode cnaContainer) {
        return send("POST", "/cve/" + cveId + "/cna", Map.of(), wrap(cnaContainer), false)
                .body();
    }

    /** {@code PUT /cve/{id}/cna}: replaces the CNA container of a published record. */
    JsonNode update(String cveId, ObjectNode cnaContainer) {
        return send("PUT", "/cve/" + cveId + "/cna", Map.of(), wrap(cnaContainer), true)
                .body();
    }

    /** {@code POST /cve/{id}/reject}: rejects a reserved id that has no record, with the reason in English. */
    JsonNode reject(String cveId, String reason) {
        ObjectNode container = JSON.createObjectNode();
        ObjectNode description = container.putArray("rejectedReasons").addObject();
        description.put("lang", "en");
        description.put("value", reason);
        return send("POST", "/cve/" + cveId + "/reject", Map.of(), wrap(container), false)
                .body();
    }

    private static ObjectNode wrap(ObjectNode cnaContainer) {
        ObjectNode body = JSON.createObjectNode();
        body.set("cnaContainer", cnaContainer);
        return body;
    }

    private record Response(int status, JsonNode body) {}

    private Response send(
            String method, String path, Map<String, String> query, @Nullable JsonNode body, boolean repeatable) {
        if (!properties.configured()) {
            throw new CveServicesException(
                    Reason.NOT_CONFIGURED,
                    "No CNA credentials are configured (koban.cve-services.url, org, user, key): download the CVE"
                            + " record and send it to a CNA instead");
        }
        HttpRequest request = request(method, path, query, body);
        String what = method + " " + path;
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (HttpTimeoutException e) {
                if (repeatable && attempt < properties.retries()) {
                    pause(DEFAULT_RETRY_AFTER);
                    continue;
                }
                throw lost(
                        what,
                        repeatable,
                        "timed out after " + properties.request().toSeconds() + " s",
                        e);
            } catch (IOException e) {
                if (repeatable && attempt < properties.retries()) {
                    pause(DEFAULT_RETRY_AFTER);
                    continue;
                }
                throw lost(
                        what,
                        repeatable,
                        "failed on the network (" + e.getClass().getSimpleName() + ")",
                        e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw lost(what, repeatable, "was interrupted", e);
            }
            int status = response.statusCode();
            JsonNode json = parse(response.body());
            if (status >= 200 && status < 300) return new Response(status, json);
            if (status == 429) {
                Duration wait = retryAfter(response);
                if (attempt < properties.retries() && wait.compareTo(properties.retryWaitCap()) <= 0) {
                    pause(wait);
                    continue;
                }
                throw new CveServicesException(
                        Reason.RATE_LIMITED,
                        "CVE Services is limiting requests (429) and asked to wait " + wait.toSeconds()
                                + " s; try again later");
            }
            if (status >= 500) {
                if (repeatable && attempt < properties.retries()) {
                    pause(DEFAULT_RETRY_AFTER);
                    continue;
                }
                if (repeatable) {
                    throw new CveServicesException(
                            Reason.UNAVAILABLE,
                            "CVE Services failed (" + status + "): " + message(json) + "; try again later");
                }
                throw lost(what, false, "got " + status + " (" + message(json) + ")", null);
            }
            throw refusal(status, json);
        }
    }

    private HttpRequest request(String method, String path, Map<String, String> query, @Nullable JsonNode body) {
        String queryString = query.isEmpty()
                ? ""
                : "?"
                        + query.entrySet().stream()
                                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                                .collect(Collectors.joining("&"));
        URI uri = URI.create(properties.baseUri() + path + queryString);
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(properties.request())
                .header("CVE-API-ORG", properties.orgShortName())
                .header("CVE-API-USER", properties.userName())
                .header("CVE-API-KEY", properties.apiKey())
                .header("Accept", "application/json")
                .method(method, publisher);
        if (body != null) builder.header("Content-Type", "application/json");
        return builder.build();
    }

    private static CveServicesException refusal(int status, JsonNode json) {
        String error = json.path("error").asString("");
        if (error.toUpperCase(Locale.ROOT).contains("QUOTA")) {
            return new CveServicesException(
                    Reason.QUOTA_EXHAUSTED,
                    "The organisation's quota of reserved CVE ids is used up (" + message(json)
                            + "): reject unused ids or ask the CVE Program for more");
        }
        if (status == 401 || status == 403) {
            return new CveServicesException(
                    Reason.BAD_CREDENTIALS,
                    "CVE Services refused Koban's CNA credentials (" + status + ": " + message(json)
                            + "); check koban.cve-services.org, user and key");
        }
        return new CveServicesException(
                Reason.REFUSED, error, "CVE Services refused the request (" + status + "): " + message(json));
    }

    private static CveServicesException lost(String what, boolean repeatable, String how, @Nullable Throwable cause) {
        String message = repeatable
                ? "CVE Services could not be reached: " + what + " " + how + "; try again later"
                : "CVE Services did not answer " + what + ": it " + how
                        + ". It may have acted; Koban reconciles with CVE Services' list before trying again";
        Reason reason = repeatable ? Reason.UNAVAILABLE : Reason.OUTCOME_UNKNOWN;
        return cause == null
                ? new CveServicesException(reason, message)
                : new CveServicesException(reason, message, cause);
    }

    private Duration retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse("").strip();
        if (value.isEmpty()) return DEFAULT_RETRY_AFTER;
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? DEFAULT_RETRY_AFTER : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return DEFAULT_RETRY_AFTER;
            }
        }
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CveServicesException(Reason.UNAVAILABLE, "Interrupted while waiting to retry", e);
        }
    }

    private static List<RemoteId> ids(JsonNode array) {
        List<RemoteId> ids = new ArrayList<>();
        for (JsonNode node : array) {
            String id = node.path("cve_id").asString("");
            if (id.isEmpty()) continue;
            String user = node.path("requested_by").path("user").asString("");
            String reserved = node.path("reserved").asString("");
            Instant at = null;
            try {
                if (!reserved.isEmpty()) at = Instant.parse(reserved);
            } catch (DateTimeParseException ignored) {
                at = null;
            }
            ids.add(new RemoteId(id, node.path("state").asString(""), user.isEmpty() ? null : user, at));
        }
        return ids;
    }

    private static JsonNode parse(String body) {
        if (body.isBlank()) return JSON.createObjectNode();
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return JSON.createObjectNode().put("message", body.length() > 200 ? body.substring(0, 200) : body);
        }
    }

    private static String message(JsonNode json) {
        String error = json.path("error").asString("");
        String message = json.path("message").asString("");
        if (error.isEmpty() && message.isEmpty()) return "no details";
        if (error.isEmpty()) return message;
        return message.isEmpty() ? error : error + " — " + message;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
