/**
 * The shell of the UI and the API: page layout and navigation, the dashboard, error pages, and the
 * translation of service errors into problem+json. Feature pages live in their own modules.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "access", "identity", "organisation", "audit", "catalog", "cases"})
package org.koban.server.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
