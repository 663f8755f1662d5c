package org.koban.server.cve.internal;

import java.time.Clock;
import org.koban.server.access.Permissions;
import org.koban.server.audit.AuditLog;
import org.koban.server.cases.CaseTimeline;
import org.koban.server.cases.Cases;
import org.koban.server.cve.CveIds;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the CVE Services client (real waiting between retries) and the service. */
@Configuration(proxyBeanMethods = false)
class CveConfiguration {

    @Bean
    CveServicesClient cveServicesClient(CveServicesProperties properties, Clock clock) {
        return new CveServicesClient(properties, Sleeper.REAL, clock);
    }

    @Bean
    CveIds cveIds(
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            Permissions permissions,
            AuditLog audit,
            Cases cases,
            CaseTimeline timeline,
            Clock clock,
            CveServicesClient client,
            CveServicesProperties properties,
            org.springframework.beans.factory.ObjectProvider<org.koban.server.cve.PublicAdvisories> publicAdvisories,
            org.koban.server.shared.PublicUrl publicUrl) {
        return new JdbcCveIds(
                jdbc,
                new TransactionTemplate(transactionManager),
                permissions,
                audit,
                cases,
                timeline,
                clock,
                client,
                properties,
                new CveSchemas(),
                publicAdvisories,
                publicUrl.base());
    }
}
