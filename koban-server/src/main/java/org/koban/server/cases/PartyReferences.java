package org.koban.server.cases;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The references outside parties gave our cases (a JVNVU number, a TVN number, a VU#), so the case pages show
 * them beside ours. Implemented by the coordination module, which keeps them; the caller has checked that the
 * actor may see the cases.
 */
public interface PartyReferences {

    /** Per case, its parties' references as {@code "JPCERT/CC JVNVU#12345678"}; cases without any are absent. */
    Map<UUID, List<String>> of(Collection<UUID> caseIds);
}
