/**
 * Vulnerability intake: the public report form and API for untrusted, anonymous reporters, the reporter's
 * private tracking link, encrypted proof-of-concept attachments and {@code security.txt}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "access", "audit", "catalog", "sla"})
package org.koban.server.intake;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
