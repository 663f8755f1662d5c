package org.koban.server.notification.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The outbox delivery as a db-scheduler recurring task: its schedule lives in {@code scheduled_tasks}, so
 * with several nodes one runs it at a time, and a restart picks it up where it was.
 */
@Configuration(proxyBeanMethods = false)
class MailDeliveryJob {

    static final String TASK_NAME = "mail-outbox-delivery";

    @Bean
    RecurringTask<Void> mailOutboxDelivery(MailDelivery delivery, MailProperties properties) {
        return Tasks.recurring(TASK_NAME, Schedules.fixedDelay(properties.poll()))
                .execute((instance, context) -> delivery.deliverDue());
    }
}
