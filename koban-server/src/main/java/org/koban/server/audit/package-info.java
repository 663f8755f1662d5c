/**
 * The append-only audit log: every change in Koban (who, when, what, before and after), in one hash chain
 * so that tampering with past entries is detectable, with a view and a verification for admins.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "access"})
package org.koban.server.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
