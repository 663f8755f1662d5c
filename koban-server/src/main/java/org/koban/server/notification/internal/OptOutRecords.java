package org.koban.server.notification.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.koban.server.notification.Topic;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code mail_opt_out} table: the kinds of mail each user turned off. */
@Repository
class OptOutRecords {

    private final JdbcClient jdbc;

    OptOutRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<Topic> off(UUID userId) {
        Set<Topic> off = EnumSet.noneOf(Topic.class);
        jdbc.sql("select topic from mail_opt_out where user_id = :user")
                .param("user", userId)
                .query(String.class)
                .list()
                .forEach(topic -> off.add(Topic.valueOf(topic)));
        return off;
    }

    void replace(UUID userId, Set<Topic> off) {
        jdbc.sql("delete from mail_opt_out where user_id = :user")
                .param("user", userId)
                .update();
        for (Topic topic : off) {
            jdbc.sql("insert into mail_opt_out (user_id, topic) values (:user, :topic)")
                    .param("user", userId)
                    .param("topic", topic.name())
                    .update();
        }
    }

    /** Of the given users, those who turned the topic off. */
    Set<UUID> optedOut(Topic topic, Collection<UUID> userIds) {
        if (userIds.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.sql("select user_id from mail_opt_out where topic = :topic and user_id = any(:users)")
                .param("topic", topic.name())
                .param("users", userIds.toArray(UUID[]::new))
                .query(UUID.class)
                .list());
    }
}
