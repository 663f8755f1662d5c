/**
 * The public side of advisories: the CSAF provider directory of CSAF 2.0 section 7 (provider-metadata.json, the
 * documents by TLP and year with their hashes and OpenPGP signatures, index.txt, changes.csv, ROLIE feeds, the
 * public key), written as a static tree that Koban serves and any web server can serve, crash-safely.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "access", "audit", "advisories"})
package org.koban.server.distribution;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
