package org.koban.server.coordination;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;
import org.koban.server.shared.Page;
import org.koban.server.shared.PageQuery;

/** The directory of outside parties, kept by the PSIRT. Names are unique (case-insensitive); every change is audited. */
public interface Parties {

    int MAX_CONTACTS = 20;

    Page<PartyView> list(Actor actor, PageQuery query, @Nullable PartyKind kind);

    PartyView get(Actor actor, UUID partyId);

    PartyView create(Actor actor, PartyCommand command);

    PartyView update(Actor actor, UUID partyId, PartyCommand command);

    void delete(Actor actor, UUID partyId);

    /**
     * Adds or updates (by name) many parties at once, all or nothing: one invalid entry refuses the whole list
     * with every problem, prefixed by its position ({@code parties[3].email}).
     */
    ImportSummary importParties(Actor actor, List<PartyCommand> parties);

    record ImportSummary(int created, int updated) {}
}
