package org.koban.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.koban.server.KobanApplication;
import org.koban.server.access.Role;
import org.koban.server.support.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code --demo} on a fresh database, as the README's command does: a realistic manufacturer is loaded
 * through the real services, its sign-ins are printed, and a restart neither duplicates nor fails.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoIntegrationTest {

    private static ConfigurableApplicationContext start(String databaseUrl) {
        var db = TestDatabase.get();
        List<String> args = new ArrayList<>(List.of(
                "--koban.db.url=" + databaseUrl,
                "--koban.db.user=" + db.user(),
                "--koban.db.password=" + db.password(),
                "--koban.data-dir=target/test-data",
                "--server.port=0",
                "--demo"));
        return new SpringApplicationBuilder(KobanApplication.class).run(args.toArray(String[]::new));
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void loadsARealisticManufacturerOnceAndPrintsTheSignIns(CapturedOutput output) {
        String database = TestDatabase.get().freshDatabaseUrl();
        try (var context = start(database)) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(count(jdbc, "select count(*) from site")).isEqualTo(3);
            assertThat(count(jdbc, "select count(distinct country) from site")).isEqualTo(3);
            assertThat(count(jdbc, "select count(*) from production_line")).isGreaterThanOrEqualTo(6);
            assertThat(count(jdbc, "select count(*) from product")).isGreaterThanOrEqualTo(30);
            assertThat(count(jdbc, "select count(*) from product_version")).isGreaterThanOrEqualTo(60);
            // Something to triage, and a case two production lines work on.
            assertThat(count(jdbc, "select count(*) from report where state = 'RECEIVED'"))
                    .isEqualTo(2);
            assertThat(count(jdbc, "select count(*) from psirt_case where state = 'REMEDIATION'"))
                    .isEqualTo(1);
            assertThat(count(jdbc, """
                            select count(distinct t.line_id) from remediation_task t
                            join psirt_case c on c.id = t.case_id where c.state = 'REMEDIATION'""")).isEqualTo(2);
            assertThat(count(jdbc, "select count(distinct lifecycle) from product_version"))
                    .isEqualTo(3);
            assertThat(count(jdbc, "select count(*) from product_version where cpe is null or purl is null"))
                    .isZero();
            for (Role role : Role.values()) {
                assertThat(count(jdbc, "select count(*) from app_user where '" + role.name() + "' = any(roles)"))
                        .as(role.label())
                        .isPositive();
            }
            // A case coordinated with a national CERT (its own reference) and another vendor, under an active
            // embargo, with what it shares with the coordinator, whose person has a portal account.
            assertThat(count(jdbc, """
                            select count(*) from case_participant p join case_embargo e on e.case_id = p.case_id
                            where e.state = 'ACTIVE' and p.their_reference = 'JVNVU#90000001' and p.share_summary
                              and exists (select 1 from participant_shared_vulnerability s where s.participant_id = p.id)
                              and exists (select 1 from case_participant o where o.case_id = p.case_id
                                          and o.role = 'VENDOR')""")).isEqualTo(1);
            assertThat(count(
                            jdbc,
                            "select count(*) from app_user where party_id is not null and email = '"
                                    + DemoData.COORDINATOR_EMAIL + "'"))
                    .isEqualTo(1);
            // Published advisories with CVE ids, affected and fixed versions on several lines, on the public site.
            assertThat(count(jdbc, "select count(*) from advisory where state = 'PUBLISHED' and version = 1"))
                    .isEqualTo(2);
            assertThat(count(jdbc, """
                            select count(distinct t.line_id) from advisory a join remediation_task t on t.case_id = a.case_id""")).isGreaterThanOrEqualTo(3);
            assertThat(count(jdbc, """
                            select count(*) from advisory a join vulnerability v on v.case_id = a.case_id
                            where v.cve is not null""")).isEqualTo(2);
            assertThat(output.getOut())
                    .contains(DemoData.COORDINATOR_EMAIL)
                    .contains("Demo data loaded")
                    .contains("gateway.engineer@demo.koban.local")
                    .contains(DemoData.PASSWORD);
        }
        try (var restarted = start(database)) {
            JdbcClient jdbc = restarted.getBean(JdbcClient.class);
            assertThat(count(jdbc, "select count(*) from site")).isEqualTo(3);
            assertThat(count(jdbc, "select count(*) from product")).isEqualTo(DemoData.PRODUCTS.size());
            assertThat(output.getOut()).contains("Demo data already present");
        }
        // The migrations still validate against a database that holds the demo's data.
        var db = TestDatabase.get();
        Flyway.configure()
                .dataSource(database, db.user(), db.password())
                .locations("classpath:db/migration")
                .load()
                .validate();
    }
}
