/**
 * Email: a transactional outbox written in the same transaction as the change that causes a mail, a
 * cluster-safe delivery job with retries, OpenPGP (PGP/MIME) for reporters who gave a public key, each
 * user's choice of which mail they receive, and the admin's view of the outbox.
 */
@NullMarked
@ApplicationModule(
        allowedDependencies = {"shared", "access", "audit", "identity", "intake", "cases", "sla", "coordination"})
package org.koban.server.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
