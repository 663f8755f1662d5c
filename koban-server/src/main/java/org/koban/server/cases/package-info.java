/**
 * Cases: the unit of PSIRT work. Vulnerabilities with CWE, CVSS and per-version statuses, the case
 * lifecycle and its six facts, remediation tasks per production line, the SLA clocks and the timeline.
 * Opening a case from a report and merging a report into a case happen here, through intake's API.
 */
@NullMarked
@ApplicationModule(
        allowedDependencies = {"shared", "access", "audit", "organisation", "catalog", "scoring", "sla", "intake"})
package org.koban.server.cases;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
