package org.koban.server.cve.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for CVE Services on 127.0.0.1 and a random port: the calls Koban makes, with the response
 * shapes of {@code cve-services-api/schemas}, its state in memory, and failures to switch on for the next
 * requests. Quota exhaustion is the real behaviour (a 403 {@code EXCEEDED_ID_QUOTA} for a single id, 206 with
 * the ids it managed for a batch).
 */
final class CveServicesStandIn implements AutoCloseable {

    static final String ORG = "koban-test";
    static final String USER = "psirt@example.com";
    static final String KEY = "secret-key";

    /** What the next request(s) do instead of (or after) their normal work. */
    enum Failure {
        /** 401 with the API's error body; nothing done. */
        UNAUTHORIZED,
        /** 429 with Retry-After; nothing done. */
        RATE_LIMITED,
        /** 500 before doing anything. */
        SERVER_ERROR,
        /** The connection is closed before anything is done. */
        DROP,
        /** The request is carried out, then the connection is closed: the answer is lost. */
        LOST_RESPONSE,
        /** The request is carried out and answered after the client's timeout. */
        SLOW,
        /** The request is carried out and answered a little later, within the client's timeout. */
        DELAY
    }

    record Entry(
            String cveId,
            String state,
            String owningCna,
            String user,
            Instant reserved,
            @Nullable JsonNode cna) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<String, Entry> ids = new TreeMap<>();
    private final Map<Integer, Integer> sequence = new HashMap<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private int quota = 1000;
    private int pageSize = 3;
    private String retryAfter = "2";
    private long slowMillis = 1500;
    // Each stand-in numbers its ids from its own random base, so two never hand out the same id.
    private final int base = 10_000 + new java.util.Random().nextInt(800_000);

    CveServicesStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread thread = new Thread(r, "cve-services-stand-in");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }

    CveServicesProperties properties(int retries) {
        return new CveServicesProperties(
                url(),
                ORG,
                USER,
                KEY,
                null,
                "Example Vendor",
                java.time.Duration.ofSeconds(2),
                java.time.Duration.ofMillis(800),
                retries,
                java.time.Duration.ofSeconds(30),
                null);
    }

    synchronized void fail(Failure failure, int times) {
        for (int i = 0; i < times; i++) failures.add(failure);
    }

    synchronized void quota(int quota) {
        this.quota = quota;
    }

    synchronized void retryAfter(String value) {
        this.retryAfter = value;
    }

    synchronized void pageSize(int size) {
        this.pageSize = size;
    }

    synchronized void reset() {
        failures.clear();
        quota = 1000;
        retryAfter = "2";
        calls.clear();
    }

    int calls(String method, String pathStart) {
        return calls.entrySet().stream()
                .filter(e -> e.getKey().startsWith(method + " " + pathStart))
                .mapToInt(e -> e.getValue().get())
                .sum();
    }

    synchronized @Nullable Entry entry(String cveId) {
        return ids.get(cveId);
    }

    synchronized List<Entry> entries() {
        return List.copyOf(ids.values());
    }

    /** An id reserved by someone else of the organisation (another tool, another user), not through Koban. */
    synchronized String reserveOutside(String user) {
        return reserveOne(Instant.now().atZone(java.time.ZoneOffset.UTC).getYear(), user)
                .cveId();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // --- the API ----------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath().substring("/api".length());
            calls.computeIfAbsent(method + " " + path, k -> new AtomicInteger()).incrementAndGet();
            byte[] body = readAll(exchange.getRequestBody());
            Failure failure;
            synchronized (this) {
                failure = failures.poll();
            }
            if (failure == Failure.DROP) return;
            if (failure == Failure.UNAUTHORIZED) {
                send(exchange, 401, error("UNAUTHORIZED", "Unauthorized"));
                return;
            }
            if (failure == Failure.RATE_LIMITED) {
                exchange.getResponseHeaders().add("Retry-After", retryAfterValue());
                send(exchange, 429, error("TOO_MANY_REQUESTS", "Too many requests, please try again later."));
                return;
            }
            if (failure == Failure.SERVER_ERROR) {
                send(exchange, 500, error("SERVICE_NOT_AVAILABLE", "Internal Server Error"));
                return;
            }
            if (!authenticated(exchange)) {
                send(exchange, 401, error("UNAUTHORIZED", "Unauthorized"));
                return;
            }
            Reply reply;
            synchronized (this) {
                reply = route(method, path, query(exchange), body);
            }
            if (failure == Failure.LOST_RESPONSE) return;
            if (failure == Failure.SLOW || failure == Failure.DELAY) {
                try {
                    Thread.sleep(failure == Failure.SLOW ? slowMillis : 300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            send(exchange, reply.status(), reply.body());
        }
    }

    private synchronized String retryAfterValue() {
        return retryAfter;
    }

    private record Reply(int status, JsonNode body) {}

    private Reply route(String method, String path, Map<String, String> query, byte[] body) {
        if (method.equals("POST") && path.equals("/cve-id")) return reserve(query);
        if (method.equals("GET") && path.equals("/cve-id")) return list(query);
        if (path.startsWith("/cve/")) {
            String[] parts = path.substring("/cve/".length()).split("/");
            if (parts.length == 2) {
                JsonNode json = JSON.readTree(body);
                if (parts[1].equals("cna") && method.equals("POST")) return publish(parts[0], json, false);
                if (parts[1].equals("cna") && method.equals("PUT")) return publish(parts[0], json, true);
                if (parts[1].equals("reject") && method.equals("POST")) return reject(parts[0], json);
            }
        }
        return new Reply(404, error("NOT_FOUND", "No such endpoint: " + method + " " + path));
    }

    private Reply reserve(Map<String, String> query) {
        int amount;
        int year;
        try {
            amount = Integer.parseInt(query.getOrDefault("amount", ""));
            year = Integer.parseInt(query.getOrDefault("cve_year", ""));
        } catch (NumberFormatException e) {
            return new Reply(400, error("BAD_INPUT", "amount and cve_year are required integers"));
        }
        if (!ORG.equals(query.get("short_name"))) {
            return new Reply(403, error("ORG_CANNOT_RESERVE_FOR_OTHER", "The org can only reserve for itself"));
        }
        if (amount > 1 && !query.containsKey("batch_type")) {
            return new Reply(400, error("NO_BATCH_TYPE", "batch_type is required when amount is greater than one"));
        }
        long available = quota
                - ids.values().stream()
                        .filter(e -> e.state().equals("RESERVED"))
                        .count();
        if (available <= 0 || (amount == 1 && available < 1)) {
            return new Reply(
                    403,
                    error(
                            "EXCEEDED_ID_QUOTA",
                            "The amount of CVE IDs requested will exceed the organization's available quota."));
        }
        List<Entry> reserved = new ArrayList<>();
        for (int i = 0; i < amount && reserved.size() < available; i++) reserved.add(reserveOne(year, USER));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode array = out.putArray("cve_ids");
        reserved.forEach(e -> array.add(idJson(e)));
        if (reserved.size() < amount) {
            out.put("error", "EXCEEDED_ID_QUOTA");
            out.put("message", "Only some of the requested CVE IDs could be reserved.");
            out.putObject("details").put("amount_reserved", reserved.size());
            return new Reply(206, out);
        }
        out.putObject("meta").put("remaining_quota", available - reserved.size());
        return new Reply(200, out);
    }

    private Entry reserveOne(int year, String user) {
        int next = sequence.merge(year, 1, Integer::sum);
        String id = "CVE-" + year + "-" + (base + next);
        Entry entry = new Entry(id, "RESERVED", ORG, user, Instant.now(), null);
        ids.put(id, entry);
        return entry;
    }

    private Reply list(Map<String, String> query) {
        String state = query.get("state");
        List<Entry> matching = ids.values().stream()
                .filter(e -> state == null || e.state().equals(state))
                .toList();
        int page = Math.max(1, Integer.parseInt(query.getOrDefault("page", "1")));
        int pages = Math.max(1, (matching.size() + pageSize - 1) / pageSize);
        ObjectNode out = JSON.createObjectNode();
        out.put("totalCount", matching.size());
        out.put("itemsPerPage", pageSize);
        out.put("pageCount", pages);
        out.put("currentPage", page);
        out.putNull("prevPage");
        if (page > 1) out.put("prevPage", page - 1);
        if (page < pages) out.put("nextPage", page + 1);
        else out.putNull("nextPage");
        ArrayNode array = out.putArray("cve_ids");
        matching.stream().skip((long) (page - 1) * pageSize).limit(pageSize).forEach(e -> array.add(idJson(e)));
        return new Reply(200, out);
    }

    private Reply publish(String cveId, JsonNode body, boolean update) {
        Entry entry = ids.get(cveId);
        if (entry == null) return new Reply(404, error("CVEID_DNE", "The cve id does not exist."));
        JsonNode container = body.path("cnaContainer");
        if (!container.isObject()) return new Reply(400, error("BAD_INPUT", "cnaContainer is required"));
        if (!update && entry.cna() != null) {
            return new Reply(400, error("CVE_RECORD_EXISTS", "The cve record for the cve id already exists."));
        }
        if (update && entry.cna() == null) {
            return new Reply(404, error("CVE_RECORD_DNE", "The cve record for the cve id does not exist."));
        }
        if (entry.state().equals("REJECTED") && !update) {
            return new Reply(400, error("CVE_RECORD_EXISTS", "The cve record for the cve id already exists."));
        }
        Entry published = new Entry(cveId, "PUBLISHED", entry.owningCna(), entry.user(), entry.reserved(), container);
        ids.put(cveId, published);
        ObjectNode out = JSON.createObjectNode();
        out.put("message", cveId + " record was successfully " + (update ? "updated." : "created."));
        ObjectNode record = out.putObject(update ? "updated" : "created");
        record.putObject("containers").set("cna", container);
        ObjectNode meta = record.putObject("cveMetadata");
        meta.put("cveId", cveId);
        meta.put("state", "PUBLISHED");
        meta.put("assignerShortName", ORG);
        record.put("dataType", "CVE_RECORD");
        record.put("dataVersion", "5.1");
        return new Reply(200, out);
    }

    private Reply reject(String cveId, JsonNode body) {
        Entry entry = ids.get(cveId);
        if (entry == null) return new Reply(404, error("CVEID_DNE", "The cve id does not exist."));
        if (entry.cna() != null || !entry.state().equals("RESERVED")) {
            return new Reply(400, error("CVE_RECORD_EXISTS", "The cve record for the cve id already exists."));
        }
        JsonNode reasons = body.path("cnaContainer").path("rejectedReasons");
        if (!reasons.isArray() || reasons.isEmpty()) {
            return new Reply(400, error("BAD_INPUT", "cnaContainer.rejectedReasons is required"));
        }
        ids.put(cveId, new Entry(cveId, "REJECTED", entry.owningCna(), entry.user(), entry.reserved(), null));
        ObjectNode out = JSON.createObjectNode();
        out.put("message", cveId + " record was successfully created.");
        ObjectNode created = out.putObject("created");
        created.putObject("containers").putObject("cna").set("rejectedReasons", reasons);
        created.putObject("cveMetadata").put("cveId", cveId).put("state", "REJECTED");
        return new Reply(200, out);
    }

    // --- plumbing ---------------------------------------------------------------------------------------------

    private static ObjectNode idJson(Entry e) {
        ObjectNode node = JSON.createObjectNode();
        node.put("cve_id", e.cveId());
        node.put("cve_year", e.cveId().substring(4, 8));
        node.put("owning_cna", e.owningCna());
        node.put("state", e.state());
        ObjectNode by = node.putObject("requested_by");
        by.put("cna", e.owningCna());
        by.put("user", e.user());
        node.put("reserved", e.reserved().toString());
        return node;
    }

    private static boolean authenticated(HttpExchange exchange) {
        var h = exchange.getRequestHeaders();
        return ORG.equals(h.getFirst("CVE-API-ORG"))
                && USER.equals(h.getFirst("CVE-API-USER"))
                && KEY.equals(h.getFirst("CVE-API-KEY"));
    }

    private static ObjectNode error(String error, String message) {
        ObjectNode node = JSON.createObjectNode();
        node.put("error", error);
        node.put("message", message);
        return node;
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) return query;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) continue;
            query.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
