package org.koban.server.coordination;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;

/** Third-party recognition of cases: who may see the case sees it; the PSIRT records it. Audited, on the timeline. */
public interface Recognitions {

    List<Recognition> list(Actor actor, UUID caseId);

    /**
     * @param theirId the party's id for the case or its published note; an id or a URL is required
     * @param url the published note, http or https
     * @param confirmedOn not in the future; today when null
     */
    Recognition record(
            Actor actor,
            UUID caseId,
            UUID partyId,
            @Nullable String theirId,
            @Nullable String url,
            @Nullable LocalDate confirmedOn);

    void remove(Actor actor, UUID caseId, UUID recognitionId);
}
