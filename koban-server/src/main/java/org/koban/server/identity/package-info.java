/**
 * People and machines that act in Koban: users with their roles and production-line memberships, form
 * login with throttling, sessions, API tokens, and the first admin. Resolves the
 * {@link org.koban.server.access.Actor} of every request; the decisions themselves are the permission
 * service's.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "access", "audit", "organisation"})
package org.koban.server.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
