/**
 * The product catalogue: product families (series), products owned by a production line, and their
 * versions with lifecycle and identifiers (CPE 2.3, PURL, model numbers); with bulk import and export.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "access", "audit", "organisation"})
package org.koban.server.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
