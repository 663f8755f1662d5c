/**
 * Coordination with outside parties: the directory of parties (coordinators such as national CERTs, CNAs,
 * other vendors, suppliers, researcher groups) and the embargo lifecycle. Participants on cases, sharing,
 * the participant portal and CVE ids build on this.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "access", "audit", "cases"})
package org.koban.server.coordination;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
