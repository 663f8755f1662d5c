package org.koban.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.koban.server.access.Actor;
import org.koban.server.access.Role;
import org.koban.server.shared.PageQuery;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.koban.server.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

@KobanIntegrationTest
class AuditLogIntegrationTest {

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    private void record(String entityId, Object after) {
        tx.executeWithoutResult(s -> audit.record(Actor.system(), "test.changed", "test", entityId, null, after));
    }

    @Test
    void recordsWhoWhatAndBeforeAfterAsCanonicalJson() {
        String id = Fixtures.unique("thing");
        tx.executeWithoutResult(s -> audit.record(
                Actor.system(), "test.changed", "test", id, Map.of("b", 2, "a", 1), Map.of("a", 1, "b", 3)));
        var page = audit.list(Actor.system(), new AuditQuery(new PageQuery(id, 0, 10), "test"));
        assertThat(page.items()).singleElement().satisfies(e -> {
            assertThat(e.actorName()).isEqualTo("Koban");
            assertThat(e.action()).isEqualTo("test.changed");
            assertThat(e.before()).isEqualTo("{\"a\":1,\"b\":2}");
            assertThat(e.after()).isEqualTo("{\"a\":1,\"b\":3}");
        });
    }

    @Test
    void refusesToRecordOutsideATransaction() {
        assertThatThrownBy(() -> audit.record(Actor.system(), "x", "test", "1", null, null))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }

    @Test
    void theDatabaseRefusesUpdatesAndDeletes() {
        record(Fixtures.unique("t"), Map.of("v", 1));
        assertThatThrownBy(() ->
                        jdbc.sql("update audit_log set actor_name = 'mallory'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log").update()).hasMessageContaining("append-only");
        assertThat(audit.verify(Actor.system()).intact()).isTrue();
    }

    @Test
    void concurrentAppendsKeepOneUnbrokenChain() throws Exception {
        List<Callable<Void>> writers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int writer = w;
            writers.add(() -> {
                for (int i = 0; i < 20; i++) record("w" + writer + "-" + i, Map.of("i", i));
                return null;
            });
        }
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (Future<Void> f : pool.invokeAll(writers)) f.get();
        }
        AuditVerification verification = audit.verify(Actor.system());
        assertThat(verification.intact())
                .as(String.valueOf(verification.problem()))
                .isTrue();
        long max = jdbc.sql("select max(seq) from audit_log").query(Long.class).single();
        assertThat(verification.entriesChecked()).isEqualTo(max);
    }

    @Test
    void detectsAnEntryChangedBehindTheTriggersBack() throws Exception {
        String id = Fixtures.unique("tampered");
        record(id, Map.of("amount", 100));
        long seq = jdbc.sql("select seq from audit_log where entity_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        String original = jdbc.sql("select after_state from audit_log where seq = :seq")
                .param("seq", seq)
                .query(String.class)
                .single();
        try (Connection c = TestDatabase.get().connect();
                Statement s = c.createStatement()) {
            // A database owner can switch the trigger off; the hash chain still shows the change.
            s.execute("alter table audit_log disable trigger audit_log_no_update");
            try {
                s.execute("update audit_log set after_state = '{\"amount\":1}' where seq = " + seq);
                AuditVerification broken = audit.verify(Actor.system());
                assertThat(broken.intact()).isFalse();
                assertThat(broken.firstBrokenSeq()).isEqualTo(seq);
                assertThat(broken.problem()).contains("changed after it was recorded");
            } finally {
                s.execute("update audit_log set after_state = '" + original + "' where seq = " + seq);
                s.execute("alter table audit_log enable trigger audit_log_no_update");
            }
        }
        assertThat(audit.verify(Actor.system()).intact()).isTrue();
    }

    @Test
    void onlyAdminsAndManagersReadAndVerifyTheLog() {
        var line = fixtures.line();
        for (Role role : Role.values()) {
            Actor actor = fixtures.actor(role, line);
            boolean allowed = role == Role.ADMIN || role == Role.PSIRT_MANAGER;
            var query = new AuditQuery(PageQuery.of(null, 0, 5), "");
            if (allowed) {
                assertThat(audit.list(actor, query).items()).isNotEmpty();
                assertThat(audit.verify(actor).intact()).isTrue();
            } else {
                assertThatThrownBy(() -> audit.list(actor, query)).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> audit.verify(actor)).isInstanceOf(AccessDeniedException.class);
            }
        }
    }
}
