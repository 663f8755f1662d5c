package org.koban.server;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on Koban's scheduled jobs (the SLA check). Each job is safe on several nodes by itself; set
 * {@code koban.scheduling.enabled=false} on nodes that should not run them.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "koban.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {}
