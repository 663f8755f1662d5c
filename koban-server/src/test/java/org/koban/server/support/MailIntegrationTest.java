package org.koban.server.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * Like {@link KobanIntegrationTest}, but a context of its own, deliberately: SMTP points at
 * {@link TestMailServer}, and the database is a fresh one, so that the outbox holds only the mail these
 * tests cause (the shared database collects unsent mail from every other test). The scheduled delivery is
 * off here: the tests run delivery themselves at chosen moments, so that retries and backoff are checked
 * without sleeping. That the job runs is checked in the shared context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = MailTestInitializer.class)
@Import(Fixtures.class)
public @interface MailIntegrationTest {}
