package org.koban.server.cve;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the public advisory of a case is and when it was first published, for the references and
 * {@code datePublic} of CVE records. Implemented by the advisories module, which depends on this one.
 */
public interface PublicAdvisories {

    Optional<PublicAdvisory> ofCase(UUID caseId);

    record PublicAdvisory(String url, Instant firstPublished) {}
}
