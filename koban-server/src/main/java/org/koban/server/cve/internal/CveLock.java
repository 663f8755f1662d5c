package org.koban.server.cve.internal;

import java.util.Optional;
import java.util.UUID;
import org.koban.server.cases.ManagedCves;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells the cases module which vulnerabilities carry an id reserved through CVE Services. */
@Component
class CveLock implements ManagedCves {

    private final JdbcClient jdbc;

    CveLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> of(UUID vulnerabilityId) {
        return jdbc.sql("""
                        select cve_id from cve_id where vulnerability_id = :id and source = 'CVE_SERVICES'
                          and state in ('ASSIGNED', 'PUBLISHED')
                        """).param("id", vulnerabilityId).query(String.class).optional();
    }
}
