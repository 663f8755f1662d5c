/**
 * CVE ids: Koban as a CVE Numbering Authority reserves ids through CVE Services, assigns them to
 * vulnerabilities, publishes, updates and rejects CVE records; without CNA credentials it writes the CVE
 * record file for an outside CNA and records the id that CNA assigned.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "access", "audit", "cases", "scoring"})
package org.koban.server.cve;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
