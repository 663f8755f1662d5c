/**
 * Service-level targets: how soon a report is acknowledged and triaged, and a vulnerability fixed by
 * severity. The PSIRT manager edits the policy; intake and cases compute their clocks from it.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "access", "audit", "scoring"})
package org.koban.server.sla;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
