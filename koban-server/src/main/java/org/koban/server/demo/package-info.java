/**
 * The demo manufacturer that {@code --demo} loads: sites, production lines, a product catalogue and a
 * user for every role, so that a newcomer sees Koban at work on the first start.
 */
@NullMarked
@ApplicationModule(
        allowedDependencies = {
            "shared",
            "access",
            "organisation",
            "identity",
            "catalog",
            "intake",
            "cases",
            "coordination",
            "advisories"
        })
package org.koban.server.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
