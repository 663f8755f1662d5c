/**
 * Who is acting and what they may do: the {@link org.koban.server.access.Actor}, the roles, and the one
 * permission service ({@link org.koban.server.access.Permissions}) that decides every access in Koban.
 * It has no dependencies, so every module, the audit log included, can ask it.
 */
@NullMarked
@ApplicationModule(allowedDependencies = "shared")
package org.koban.server.access;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
