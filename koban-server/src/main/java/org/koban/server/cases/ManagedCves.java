package org.koban.server.cases;

import java.util.Optional;
import java.util.UUID;

/**
 * CVE ids that Koban reserved through CVE Services for a vulnerability: they change only through the CVE
 * workflow (reject, reassign), never by editing the vulnerability. Implemented by the cve module.
 */
public interface ManagedCves {

    /** The id reserved through CVE Services and assigned to this vulnerability, if any. */
    Optional<String> of(UUID vulnerabilityId);
}
