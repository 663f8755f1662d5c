package org.koban.server.coordination.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.koban.server.cases.PartyReferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Participants' own references for cases, for the case pages to show beside ours. */
@Component
class ParticipantReferences implements PartyReferences {

    private final JdbcClient jdbc;

    ParticipantReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, List<String>> of(Collection<UUID> caseIds) {
        Map<UUID, List<String>> result = new LinkedHashMap<>();
        jdbc.sql("""
                        select p.case_id, y.name, p.their_reference from case_participant p join party y on y.id = p.party_id
                        where p.case_id = any(:ids) and p.their_reference is not null order by p.created_at
                        """)
                .param("ids", caseIds.toArray(UUID[]::new))
                .query((rs, n) -> {
                    result.computeIfAbsent(rs.getObject("case_id", UUID.class), id -> new ArrayList<>())
                            .add(rs.getString("name") + " " + rs.getString("their_reference"));
                    return null;
                })
                .list();
        return result;
    }
}
