/**
 * Advisories: the public explanation of a case's vulnerabilities and their fix, drafted from the case, reviewed
 * (four eyes), approved and published as numbered revisions. Rendered as CSAF 2.0 with koban-csaf and checked
 * against its schema and mandatory tests before anyone may approve it. Publishing one publishes the case's CVE
 * records when Koban is a CNA.
 */
@NullMarked
@ApplicationModule(
        allowedDependencies = {
            "shared",
            "access",
            "audit",
            "cases",
            "catalog",
            "scoring",
            "intake",
            "coordination",
            "cve"
        })
package org.koban.server.advisories;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
