/**
 * The organisation running Koban: its sites (factories, business units) and their production lines, which
 * own products and fix their vulnerabilities.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "access", "audit"})
package org.koban.server.organisation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
