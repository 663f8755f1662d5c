/**
 * Coordination with outside parties: the directory of parties (coordinators such as national CERTs, CNAs,
 * other vendors, suppliers, researcher groups), participants on cases with their answers and reminders, the
 * embargo lifecycle, recognition, explicit sharing with each participant, and the participant portal that
 * invited people of those parties use.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "access", "audit", "cases", "intake", "identity"})
package org.koban.server.coordination;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
