package org.koban.server.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.koban.server.access.Role;
import org.koban.server.catalog.ProductVersionView;
import org.koban.server.catalog.ProductView;
import org.koban.server.identity.UserView;
import org.koban.server.organisation.ProductionLineView;
import org.koban.server.organisation.SiteView;
import org.koban.server.support.Fixtures;
import org.koban.server.support.TestDatabase;

/**
 * Fills the test database with a PSIRT's worth of history: 100,000 reports, 100,000 cases and 1,000,000
 * timeline entries. The organisation, catalogue and users are made through the real services ({@link Fixtures});
 * the bulk is inserted with {@code insert ... select generate_series} in one session, because going through
 * the services (each write audited and hash-chained) would take hours. The shapes follow what the services
 * write: the same states, columns and reference formats, tasks only on lines that own an affected version.
 */
final class ScaleData {

    static final int SITES = 5;
    static final int LINES_PER_SITE = 4;
    static final int LINES = SITES * LINES_PER_SITE;
    static final int PRODUCTS_PER_LINE = 3;
    static final int VERSIONS_PER_PRODUCT = 4;
    static final int REPORTS = 100_000;
    static final int CASES = 100_000;
    static final int TIMELINE = 1_000_000;
    /** Cases with thousands of timeline entries, all visible to the benchmark's line engineer. */
    static final int HOT_CASES = 10;
    /** Cases with a thousand timeline entries each. */
    static final int WARM_CASES = 100;

    /** Words of report descriptions, most common first; descriptions pick from the front more often. */
    static final String[] WORDS = {
        "the",
        "device",
        "firmware",
        "attacker",
        "request",
        "network",
        "service",
        "can",
        "without",
        "authentication",
        "controller",
        "web",
        "interface",
        "port",
        "packet",
        "crafted",
        "remote",
        "user",
        "password",
        "configuration",
        "update",
        "memory",
        "buffer",
        "overflow",
        "crash",
        "reboot",
        "session",
        "token",
        "cookie",
        "header",
        "parameter",
        "input",
        "validation",
        "injection",
        "command",
        "shell",
        "root",
        "privilege",
        "escalation",
        "denial",
        "plc",
        "hmi",
        "scada",
        "modbus",
        "profinet",
        "opc",
        "ua",
        "snmp",
        "telnet",
        "ssh",
        "tls",
        "certificate",
        "signature",
        "bootloader",
        "debug",
        "uart",
        "jtag",
        "credentials",
        "hard-coded",
        "default",
        "cross-site",
        "scripting",
        "path",
        "traversal",
        "upload",
        "download",
        "file",
        "log",
        "leak",
        "disclosure",
        "encryption",
        "key",
        "weak",
        "random",
        "nonce",
        "replay",
        "timing",
        "race",
        "condition",
        "integer",
        "heap",
        "stack",
        "pointer",
        "null",
        "dereference",
        "use-after-free",
        "format",
        "string",
        "deserialization",
        "xml",
        "json",
        "parser",
        "api",
        "endpoint",
        "backup",
        "restore",
        "engineering",
        "workstation",
        "project",
        "ladder",
        "logic",
        "robot",
        "drive",
        "servo",
        "sensor",
        "gateway",
        "router",
        "switch",
        "vlan",
        "fieldbus",
        "ethercat",
        "canopen",
        "bacnet",
        "dnp3",
        "iec",
        "61850",
        "historian",
        "recipe",
        "batch",
        "safety"
    };

    static final String LOREM = "Checked the reported behaviour on the lab rig with the current release and the"
            + " previous one; the crash reproduces with the crafted packet from the report, the watchdog restarts"
            + " the controller after about forty seconds and the line stops. The vendor of the fieldbus stack"
            + " confirmed the parser flaw and shared a patched library; the line team will build a test image,"
            + " run the regression suite on the hardware in the loop bench and plan the field update with the"
            + " customers' maintenance windows. Scoring agreed in the weekly review: network reachable only from"
            + " the plant network, no authentication needed, availability impact high. Advisory draft started;"
            + " the coordinator asked for the CVE before the embargo ends. Customer notification planned for the"
            + " integrators first, then the public advisory with the fixed versions and the workaround of"
            + " blocking the port at the cell firewall. ";

    record Generated(
            UserView analyst,
            UserView engineer,
            List<ProductionLineView> lines,
            UUID hotCase,
            UUID typicalCase,
            UUID engineerCase,
            String searchTerm,
            Map<String, Long> rows,
            long setupMillis,
            long bulkMillis,
            Map<String, Long> stepMillis) {}

    private ScaleData() {}

    static Generated generate(Fixtures fixtures, TestDatabase db) throws SQLException {
        long start = System.nanoTime();
        List<ProductionLineView> lines = new ArrayList<>();
        List<UserView> engineers = new ArrayList<>();
        for (int s = 0; s < SITES; s++) {
            SiteView site = fixtures.site();
            for (int l = 0; l < LINES_PER_SITE; l++) lines.add(fixtures.line(site));
        }
        // The benchmark's engineer works on the two busiest lines (0 and 1); every line has one engineer who owns
        // its tasks.
        UserView engineer = fixtures.user(Role.LINE_ENGINEER, lines.get(0), lines.get(1));
        engineers.add(engineer);
        for (int i = 1; i < LINES; i++) engineers.add(fixtures.user(Role.LINE_ENGINEER, lines.get(i)));
        UserView analyst = fixtures.user(Role.PSIRT_ANALYST);
        List<String[]> versions = new ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            for (int p = 0; p < PRODUCTS_PER_LINE; p++) {
                ProductView product = fixtures.product(lines.get(i));
                for (int v = 0; v < VERSIONS_PER_PRODUCT; v++) {
                    ProductVersionView version = fixtures.version(product, (v + 1) + ".0." + p);
                    versions.add(new String[] {
                        Integer.toString(i),
                        product.id().toString(),
                        product.name(),
                        version.id().toString(),
                        version.version()
                    });
                }
            }
        }
        long setupMillis = (System.nanoTime() - start) / 1_000_000;

        Map<String, Long> steps = new LinkedHashMap<>();
        long bulkStart = System.nanoTime();
        try (Connection c = db.connect()) {
            c.setAutoCommit(true);
            exec(c, steps, "temp tables", "select setseed(0.4242)");
            exec(
                    c,
                    steps,
                    "temp tables",
                    "create temp table bench_line (i int primary key, id uuid, label text, engineer uuid, engineer_name text)");
            try (PreparedStatement ps = c.prepareStatement("insert into bench_line values (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < LINES; i++) {
                    ps.setInt(1, i);
                    ps.setObject(2, lines.get(i).id());
                    ps.setString(3, lines.get(i).label());
                    ps.setObject(4, engineers.get(i).id());
                    ps.setString(5, engineers.get(i).displayName());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            exec(
                    c,
                    steps,
                    "temp tables",
                    "create temp table bench_version (i int primary key, line_i int, product_id uuid, product_name text,"
                            + " version_id uuid, version text)");
            try (PreparedStatement ps = c.prepareStatement("insert into bench_version values (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < versions.size(); i++) {
                    String[] v = versions.get(i);
                    ps.setInt(1, i);
                    ps.setInt(2, Integer.parseInt(v[0]));
                    ps.setObject(3, UUID.fromString(v[1]));
                    ps.setString(4, v[2]);
                    ps.setObject(5, UUID.fromString(v[3]));
                    ps.setString(6, v[4]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            exec(c, steps, "temp tables", "create temp table bench_text (words text[], lorem text)");
            try (PreparedStatement ps = c.prepareStatement("insert into bench_text values (?, ?)")) {
                ps.setArray(1, c.createArrayOf("text", WORDS));
                ps.setString(2, LOREM);
                ps.execute();
            }
            // Reports in received order over three years; the newest 5,000 are still open. Products are skewed
            // towards the first lines, which makes lines 0 and 1 the busiest.
            exec(c, steps, "temp tables", """
                    create temp table br as
                    select n, id, received_at, state, version_i,
                           case when state = 'ACCEPTED' then row_number() over (partition by state order by n) end as case_n
                    from (
                        select n, gen_random_uuid() as id,
                               now() - make_interval(secs => (%d - n) * 946.08 + floor(random() * 900)) as received_at,
                               case when n > %d then (case when n %% 5 = 0 then 'NEEDS_INFORMATION' else 'RECEIVED' end)
                                    when n %% 100 < 3 then 'MERGED'
                                    when n %% 100 < 8 then 'CLOSED'
                                    when n %% 100 < 10 then 'WITHDRAWN'
                                    else 'ACCEPTED' end as state,
                               floor(power(random(), 2) * %d)::int as version_i
                        from generate_series(1, %d) n) r
                    """.formatted(REPORTS, REPORTS - 5_000, versions.size(), REPORTS));
            // A merged report joins a case opened a little earlier.
            exec(c, steps, "temp tables", """
                    update br set case_n = greatest(1, x.last_case - (x.n %% 50))
                    from (select n, max(case_n) over (order by n rows unbounded preceding) as last_case from br) x
                    where br.n = x.n and br.state = 'MERGED'
                    """.formatted());
            exec(c, steps, "temp tables", "create index on br (case_n) where state = 'ACCEPTED'");
            exec(c, steps, "temp tables", "analyze br");
            // Cases: the first ones come from accepted reports (opened 1-4 days after receipt), the rest were
            // opened by the PSIRT without a report, at any time in the three years. Old cases are mostly closed.
            exec(c, steps, "temp tables", """
                    create temp table bc as
                    select k, gen_random_uuid() as id, opened_at, aware_at, version_i,
                           case when opened_at < now() - interval '180 days' then
                                    case when s < 0.88 then 'CLOSED' when s < 0.94 then 'REJECTED'
                                         when s < 0.98 then 'DEFERRED' else 'REMEDIATION' end
                                else case when s < 0.30 then 'ANALYSIS' when s < 0.65 then 'REMEDIATION'
                                          when s < 0.80 then 'DISCLOSURE' when s < 0.95 then 'CLOSED'
                                          when s < 0.98 then 'REOPENED' else 'DEFERRED' end end as state,
                           case when v < 0.10 then 'CRITICAL' when v < 0.40 then 'HIGH' when v < 0.80 then 'MEDIUM'
                                when v < 0.95 then 'LOW' end as severity,
                           floor(power(random(), 1.5) * %d)::int as base_line,
                           1 + (k * 7) %% 3 as line_count,
                           report_reference
                    from (
                        select k, coalesce(r.received_at + make_interval(days => 1 + k %% 4),
                                           now() - make_interval(secs => random() * 94608000)) as opened_at,
                               coalesce(r.received_at, now() - make_interval(secs => random() * 94608000)) as aware_at,
                               coalesce(r.version_i, floor(power(random(), 2) * %d)::int) as version_i,
                               random() as s, random() as v,
                               'KOBAN-R-' || extract(year from r.received_at)::int || '-' || lpad(r.n::text, 6, '0')
                                   as report_reference
                        from generate_series(1, %d) k
                        left join br r on r.case_n = k and r.state = 'ACCEPTED') x
                    """.formatted(LINES, versions.size(), CASES));
            exec(c, steps, "temp tables", "update bc set aware_at = least(aware_at, opened_at)");
            exec(c, steps, "temp tables", "alter table bc add primary key (k)");
            exec(c, steps, "temp tables", """
                    alter table bc add column reference text;
                    update bc set reference = 'KOBAN-C-' || extract(year from opened_at)::int || '-' || lpad(k::text, 6, '0');
                    analyze bc
                    """);

            exec(c, steps, "reports", """
                    insert into report (id, reference, received_at, state, close_reason, product_id, product_text, version,
                        description, impact, steps_to_reproduce, already_public, exploited, "references",
                        disclosure_plans, reporter_name, reporter_organisation, reporter_email, credit_as, share_contact,
                        tracking_hash, updated_at, acknowledged_at, triaged_at, forwarded_to, case_id, case_reference,
                        paused_at, paused_seconds)
                    select r.id,
                           'KOBAN-R-' || extract(year from r.received_at)::int || '-' || lpad(r.n::text, 6, '0'),
                           r.received_at, r.state,
                           case when r.state = 'CLOSED' then (array['NOT_A_VULNERABILITY', 'OUT_OF_SCOPE',
                               'NOT_REPRODUCIBLE', 'SPAM', 'ALREADY_FIXED', 'OTHER_VENDOR'])[1 + r.n %% 6] end,
                           case when r.n %% 4 <> 0 then v.product_id end,
                           case when r.n %% 4 <> 0 then v.product_name else 'the controller in hall ' || (r.n %% 9) end,
                           v.version,
                           (select string_agg(t.words[1 + floor(power(random(), 1.6) * array_length(t.words, 1))::int + 0 * w.i], ' ')
                            from generate_series(1, 60 + r.n %% 140) w(i)),
                           case when r.n %% 3 = 0 then substr(t.lorem, 1 + r.n %% 300, 200 + r.n %% 300) end,
                           case when r.n %% 2 = 0 then substr(t.lorem, 1 + r.n %% 200, 300 + r.n %% 500) end,
                           r.n %% 40 = 0, r.n %% 97 = 0,
                           case when r.n %% 3 = 0 then array['https://example.org/advisories/' || r.n]
                                else '{}'::text[] end,
                           case when r.n %% 5 = 0 then 'We plan to publish 90 days after the report.' end,
                           case when r.n %% 3 <> 2 then 'Researcher ' || (r.n %% 4000) end,
                           case when r.n %% 3 = 0 then 'Security Lab ' || (r.n %% 300) end,
                           case when r.n %% 3 <> 2 then 'researcher' || (r.n %% 4000) || '@example.org' end,
                           case when r.n %% 3 = 1 then 'Researcher ' || (r.n %% 4000) end,
                           r.n %% 7 = 0,
                           encode(sha256(convert_to(r.id::text, 'UTF8')), 'hex'),
                           coalesce(least(r.received_at + make_interval(days => 1 + r.n %% 6), now()), r.received_at),
                           case when r.state not in ('RECEIVED', 'NEEDS_INFORMATION') or r.n %% 3 = 0
                                then r.received_at + make_interval(hours => 2 + r.n %% 40) end,
                           case when r.state not in ('RECEIVED', 'NEEDS_INFORMATION', 'WITHDRAWN')
                                then r.received_at + make_interval(days => 1 + r.n %% 6) end,
                           case when r.state = 'CLOSED' and r.n %% 6 = 5 then 'CERT@VDE' end,
                           c.id, c.reference,
                           case when r.state = 'NEEDS_INFORMATION' then least(r.received_at + interval '1 day', now()) end,
                           case when r.n %% 11 = 0 then 3600 * (r.n %% 48) else 0 end
                    from br r
                    join bench_version v on v.i = r.version_i
                    cross join bench_text t
                    left join bc c on c.k = r.case_n
                    """.formatted());
            exec(c, steps, "reports", """
                    insert into report_message (id, report_id, author, author_id, author_name, internal, body, created_at)
                    select gen_random_uuid(), r.id,
                           case when m %% 2 = 0 then 'REPORTER' else 'PSIRT' end,
                           case when m %% 2 = 1 then '%s'::uuid end,
                           case when m %% 2 = 1 then '%s' end,
                           m %% 4 = 3,
                           substr(t.lorem, 1 + (r.n * m) %% 400, 120 + (r.n + m) %% 600),
                           r.received_at + make_interval(hours => 3 * m)
                    from br r cross join bench_text t
                    cross join lateral generate_series(1, 1 + r.n %% 4) m
                    where r.n %% 10 < 3
                    """.formatted(
                            analyst.id(), analyst.displayName().replace("'", "''")));
            exec(c, steps, "reports", """
                    insert into report_attachment (id, report_id, file_name, content_type, size, sha256, storage_key, created_at)
                    select gen_random_uuid(), r.id,
                           (array['poc.py', 'capture.pcapng', 'crash-log.txt', 'screenshot.png'])[1 + (r.n + a) %% 4],
                           (array['text/x-python', 'application/vnd.tcpdump.pcap', 'text/plain', 'image/png'])[1 + (r.n + a) %% 4],
                           1000 + (r.n * 37 + a) %% 5000000,
                           encode(sha256(convert_to(r.id::text || a, 'UTF8')), 'hex'),
                           'bench/' || r.id || '-' || a,
                           r.received_at
                    from br r cross join lateral generate_series(1, 1 + (r.n / 5) %% 2) a
                    where r.n %% 5 = 0
                    """.formatted());

            exec(c, steps, "cases", """
                    insert into psirt_case (id, reference, title, summary, state, state_reason, severity, opened_at, updated_at,
                        vendor_aware_at, fix_ready_at, fix_deployed_at, public_aware_at, exploit_public_at)
                    select c.id, c.reference,
                           (array['Stack buffer overflow', 'Cross-site scripting', 'Hard-coded credentials', 'Path traversal',
                                  'Missing authentication', 'Improper certificate validation', 'OS command injection',
                                  'Denial of service', 'Use after free', 'Weak cryptography'])[1 + c.k %% 10]
                               || ' in ' || v.product_name || ' ' ||
                           (array['web interface', 'Modbus/TCP stack', 'firmware updater', 'OPC UA server', 'SNMP agent',
                                  'engineering tool', 'bootloader', 'PROFINET stack'])[1 + (c.k / 10) %% 8],
                           'Reported for ' || v.product_name || ' ' || v.version || '. ' || substr(t.lorem, 1 + c.k %% 500, 150 + c.k %% 400),
                           c.state,
                           case when c.state in ('REJECTED', 'DEFERRED') then 'Decided in the weekly review.' end,
                           c.severity, c.opened_at,
                           case when c.state = 'CLOSED' then least(c.opened_at + make_interval(days => 40 + c.k %% 120), now())
                                else least(c.opened_at + make_interval(days => c.k %% 30), now()) end,
                           c.aware_at,
                           case when c.state in ('CLOSED', 'DISCLOSURE') then least(c.opened_at + make_interval(days => 20 + c.k %% 60), now()) end,
                           case when c.state = 'CLOSED' then least(c.opened_at + make_interval(days => 35 + c.k %% 100), now()) end,
                           case when c.state in ('CLOSED', 'DISCLOSURE') and c.k %% 3 = 0
                                then least(c.opened_at + make_interval(days => 40 + c.k %% 100), now()) end,
                           case when c.k %% 150 = 0 then least(c.opened_at + make_interval(days => 10), now()) end
                    from bc c join bench_version v on v.i = c.version_i cross join bench_text t
                    """.formatted());
            exec(c, steps, "cases", """
                    create temp table bv as
                    select c.k, j, gen_random_uuid() as id, c.id as case_id, c.opened_at,
                           case when j = 1 then c.severity
                                when c.severity is null then null
                                else (array['MEDIUM', 'LOW'])[1 + (c.k + j) %% 2] end as severity
                    from bc c cross join lateral generate_series(1, 1 + (c.k * 7) %% 3) j
                    """.formatted());
            exec(c, steps, "cases", """
                    insert into vulnerability (id, case_id, title, description, cwe_id, cwe_name, cvss3_vector, cvss3_score,
                        cvss3_severity, cve, created_at, updated_at)
                    select b.id, b.case_id,
                           (array['Buffer overflow in packet parser', 'Reflected XSS in diagnostics page',
                                  'Hard-coded service password', 'Path traversal in file download', 'Missing authentication on configuration API',
                                  'Certificate not validated on update', 'Command injection via hostname', 'Crash on malformed frame'])[1 + (b.k + b.j) %% 8],
                           substr(t.lorem, 1 + (b.k * b.j) %% 500, 200),
                           (array['CWE-120', 'CWE-79', 'CWE-798', 'CWE-22', 'CWE-306', 'CWE-295', 'CWE-78', 'CWE-20'])[1 + (b.k + b.j) %% 8],
                           (array['Buffer Copy without Checking Size of Input (''Classic Buffer Overflow'')',
                                  'Improper Neutralization of Input During Web Page Generation (''Cross-site Scripting'')',
                                  'Use of Hard-coded Credentials',
                                  'Improper Limitation of a Pathname to a Restricted Directory (''Path Traversal'')',
                                  'Missing Authentication for Critical Function', 'Improper Certificate Validation',
                                  'Improper Neutralization of Special Elements used in an OS Command (''OS Command Injection'')',
                                  'Improper Input Validation'])[1 + (b.k + b.j) %% 8],
                           case b.severity when 'CRITICAL' then 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'
                                when 'HIGH' then 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H'
                                when 'MEDIUM' then 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N'
                                when 'LOW' then 'CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:L/I:N/A:N' end,
                           case b.severity when 'CRITICAL' then 9.8 when 'HIGH' then 8.8 when 'MEDIUM' then 6.1
                                when 'LOW' then 2.5 end,
                           b.severity,
                           case when (b.k + b.j) %% 10 < 7 then 'CVE-' || extract(year from b.opened_at)::int || '-' || (100000 + b.k * 3 + b.j) end,
                           b.opened_at, b.opened_at
                    from bv b cross join bench_text t
                    """.formatted());
            // One row per case and line it concerns; a task exists once an affected version was found on the line.
            exec(c, steps, "cases", """
                    create temp table bt as
                    select c.k, c.id as case_id, c.state as case_state, c.severity, c.aware_at, c.opened_at, j,
                           (c.base_line + j * 7) %% %d as line_i,
                           case when c.state in ('ANALYSIS', 'REJECTED') then null
                                when c.state = 'CLOSED' then case when (c.k + j) %% 10 = 0 then 'WONT_FIX' else 'RELEASED' end
                                else (array['OPEN', 'OPEN', 'IN_PROGRESS', 'IN_PROGRESS', 'FIX_READY', 'RELEASED', 'OPEN',
                                            'IN_PROGRESS', 'FIX_READY', 'WONT_FIX'])[1 + (c.k * 3 + j) %% 10] end as task_state
                    from bc c cross join lateral generate_series(0, c.line_count - 1) j
                    """.formatted(LINES));
            exec(c, steps, "cases", """
                    insert into remediation_task (id, case_id, line_id, line_name, state, owner_id, owner_name, due_on,
                        fixed_versions, reason, created_at, updated_at, released_at)
                    select gen_random_uuid(), b.case_id, l.id, l.label, b.task_state,
                           case when b.task_state <> 'OPEN' and (b.k + b.j) %% 3 <> 0 then l.engineer end,
                           case when b.task_state <> 'OPEN' and (b.k + b.j) %% 3 <> 0 then l.engineer_name end,
                           (b.aware_at + make_interval(days => case b.severity when 'CRITICAL' then 30 when 'HIGH' then 60
                                                                 when 'MEDIUM' then 90 else 180 end))::date,
                           case when b.task_state = 'RELEASED' then '2.' || (b.k %% 9) || '.1' end,
                           case when b.task_state = 'WONT_FIX' then 'Product at end of support; customers migrate.' end,
                           b.opened_at, least(b.opened_at + make_interval(days => 5 + b.k %% 60), now()),
                           case when b.task_state = 'RELEASED' then least(b.opened_at + make_interval(days => 30 + b.k %% 60), now()) end
                    from bt b join bench_line l on l.i = b.line_i
                    where b.task_state is not null
                    """.formatted());
            exec(c, steps, "cases", """
                    insert into vulnerability_status (vulnerability_id, product_version_id, product_name, version, line_id,
                        status, justification, statement, updated_at)
                    select v.id, pv.version_id, pv.product_name, pv.version, l.id,
                           case when b.case_state = 'ANALYSIS' then 'UNDER_INVESTIGATION'
                                when b.case_state = 'REJECTED' then 'KNOWN_NOT_AFFECTED'
                                when b.task_state = 'RELEASED' then 'FIXED'
                                else 'KNOWN_AFFECTED' end,
                           case when b.case_state = 'REJECTED' then 'VULNERABLE_CODE_NOT_PRESENT' end,
                           case when b.task_state = 'WONT_FIX' then 'Block the port at the cell firewall.' end,
                           v.opened_at + interval '3 days'
                    from bv v
                    join bt b on b.k = v.k
                    join bench_line l on l.i = b.line_i
                    join bench_version pv on pv.i = b.line_i * %d + (v.k + v.j) %% %d
                    """.formatted(
                            PRODUCTS_PER_LINE * VERSIONS_PER_PRODUCT, PRODUCTS_PER_LINE * VERSIONS_PER_PRODUCT));

            // Timeline: every case 3-14 entries, 100 cases a thousand, and the hot cases share what is left of the
            // million. Hot cases are open, on the engineer's line 0, so both roles can open them.
            exec(c, steps, "timeline", """
                    insert into timeline_entry (case_id, at, actor_id, actor_name, kind, internal, text)
                    select c.id, least(c.opened_at + make_interval(hours => 6 * e), now()),
                           case when e %% 3 = 0 then l.engineer else '%s'::uuid end,
                           case when e %% 3 = 0 then l.engineer_name else '%s' end,
                           case when e = 1 then 'case.opened'
                                else (array['note', 'case.moved', 'task.assigned', 'vulnerability.status-decided',
                                            'task.moved', 'case.fact', 'message.reporter', 'task.owner'])[1 + (c.k + e) %% 8] end,
                           (c.k + e) %% 8 <> 6,
                           case when e = 1 then 'Case opened from report ' || coalesce(c.report_reference, '(none)') || '.'
                                else substr(t.lorem, 1 + (c.k * e) %% 700, 60 + (c.k + e) %% 240) end
                    from bc c
                    join bench_line l on l.i = c.base_line
                    cross join bench_text t
                    cross join lateral generate_series(1, 3 + c.k %% 12) e
                    order by c.k, e
                    """.formatted(
                            analyst.id(), analyst.displayName().replace("'", "''")));
            exec(c, steps, "timeline", """
                    create temp table bench_hot as
                    select c.k, c.id, c.opened_at, row_number() over (order by c.k desc) as rank
                    from bc c
                    where c.state in ('REMEDIATION', 'DISCLOSURE')
                      and exists (select 1 from bt b where b.k = c.k and b.line_i = 0 and b.task_state is not null)
                    order by c.k desc
                    limit %d
                    """.formatted(HOT_CASES + WARM_CASES));
            exec(c, steps, "timeline", """
                    insert into timeline_entry (case_id, at, actor_id, actor_name, kind, internal, text)
                    select h.id, h.opened_at + make_interval(mins => e), '%s'::uuid, '%s', 'note', true,
                           substr(t.lorem, 1 + (h.k * e) %% 700, 60 + (h.k + e) %% 240)
                    from bench_hot h cross join bench_text t cross join lateral generate_series(1, 1000) e
                    where h.rank > %d
                    order by h.k, e
                    """.formatted(
                            analyst.id(), analyst.displayName().replace("'", "''"), HOT_CASES));
            long sofar = count(c, "timeline_entry");
            long perHot = (TIMELINE - sofar) / HOT_CASES;
            long extra = (TIMELINE - sofar) % HOT_CASES;
            exec(c, steps, "timeline", """
                    insert into timeline_entry (case_id, at, actor_id, actor_name, kind, internal, text)
                    select h.id, h.opened_at + make_interval(mins => e), '%s'::uuid, '%s', 'note', true,
                           substr(t.lorem, 1 + (h.k * e) %% 700, 60 + (h.k + e) %% 240)
                    from bench_hot h cross join bench_text t
                    cross join lateral generate_series(1, %d + case when h.rank = 1 then %d else 0 end) e
                    where h.rank <= %d
                    order by h.k, e
                    """.formatted(
                            analyst.id(), analyst.displayName().replace("'", "''"), perHot, extra, HOT_CASES));

            // New reports and cases must not collide with the generated references.
            exec(c, steps, "counters", """
                    insert into report_reference_counter (year, last_value)
                    select y, %d from generate_series(2020, 2030) y
                    on conflict (year) do update set last_value = excluded.last_value
                    """.formatted(REPORTS));
            exec(c, steps, "counters", """
                    insert into case_reference_counter (year, last_value)
                    select y, %d from generate_series(2020, 2030) y
                    on conflict (year) do update set last_value = excluded.last_value
                    """.formatted(CASES));
            // What autovacuum would have done by the time a real database held this much: statistics, and the
            // visibility map that index-only counts rely on.
            exec(c, steps, "vacuum analyze", "vacuum analyze");

            Map<String, Long> rows = new LinkedHashMap<>();
            for (String table : List.of(
                    "report",
                    "report_message",
                    "report_attachment",
                    "psirt_case",
                    "vulnerability",
                    "vulnerability_status",
                    "remediation_task",
                    "timeline_entry")) {
                rows.put(table, count(c, table));
            }
            rows.put(
                    "open reports",
                    single(c, "select count(*) from report where state in ('RECEIVED', 'NEEDS_INFORMATION')"));
            rows.put(
                    "open cases",
                    single(c, "select count(*) from psirt_case where state not in ('CLOSED', 'REJECTED')"));
            rows.put("cases linked to a report", single(c, "select count(distinct case_id) from report"));
            rows.put(
                    "timeline entries of the largest case",
                    single(c, "select max(n) from (select count(*) n from timeline_entry group by case_id) x"));
            rows.put(
                    "cases the engineer sees",
                    single(
                            c,
                            "select count(distinct case_id) from remediation_task where line_id in ('"
                                    + lines.get(0).id() + "', '" + lines.get(1).id() + "')"));
            UUID hot = uuid(c, "select id from bench_hot where rank = 1");
            UUID typical = uuid(
                    c,
                    "select c.id from bc c where c.state = 'REMEDIATION' and c.line_count = 2"
                            + " and c.k not in (select k from bench_hot) order by c.k desc limit 1");
            UUID engineerCase = uuid(
                    c,
                    "select b.case_id from bt b where b.line_i = 0 and b.task_state = 'IN_PROGRESS'"
                            + " and b.k not in (select k from bench_hot) order by b.k desc limit 1");
            long bulkMillis = (System.nanoTime() - bulkStart) / 1_000_000;
            return new Generated(
                    analyst,
                    engineer,
                    lines,
                    hot,
                    typical,
                    engineerCase,
                    "overflow",
                    rows,
                    setupMillis,
                    bulkMillis,
                    steps);
        }
    }

    private static void exec(Connection c, Map<String, Long> steps, String step, String sql) throws SQLException {
        long t = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
        steps.merge(step, (System.nanoTime() - t) / 1_000_000, Long::sum);
    }

    private static long count(Connection c, String table) throws SQLException {
        return single(c, "select count(*) from " + table);
    }

    static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static UUID uuid(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            if (!rs.next()) throw new IllegalStateException("Generated data lacks a case for: " + sql);
            return rs.getObject(1, UUID.class);
        }
    }
}
