/**
 * Scoring: CVSS v3.1 and v4.0 vectors parsed, checked and scored, and the MITRE CWE catalogue for picking
 * the weakness of a vulnerability. Pure computation over bundled data: no database, no other module.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared"})
package org.koban.server.scoring;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
