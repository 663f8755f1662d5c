package org.koban.server.coordination.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;
import org.koban.server.coordination.Parties;
import org.koban.server.coordination.PartyCommand;
import org.koban.server.coordination.PartyKind;
import org.koban.server.coordination.PartyView;
import org.koban.server.shared.Page;
import org.koban.server.shared.PageQuery;
import org.koban.server.shared.Validation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The parties directory over REST. */
@RestController
@RequestMapping("/api/v1/parties")
class PartyApi {

    private final Parties parties;

    PartyApi(Parties parties) {
        this.parties = parties;
    }

    @GetMapping
    Page<PartyView> list(
            Actor actor,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return parties.list(actor, PageQuery.of(q, page, size), kind(kind));
    }

    static @Nullable PartyKind kind(@Nullable String value) {
        return Validation.choice(PartyKind.class, "kind", value);
    }

    @GetMapping("/{id}")
    PartyView get(Actor actor, @PathVariable UUID id) {
        return parties.get(actor, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PartyView create(Actor actor, @RequestBody PartyCommand command) {
        return parties.create(actor, command);
    }

    @PutMapping("/{id}")
    PartyView update(Actor actor, @PathVariable UUID id, @RequestBody PartyCommand command) {
        return parties.update(actor, id, command);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Actor actor, @PathVariable UUID id) {
        parties.delete(actor, id);
    }

    /** A JSON array of parties, added or updated by name, all or nothing. */
    @PostMapping("/import")
    Parties.ImportSummary importParties(Actor actor, @RequestBody List<PartyCommand> body) {
        return parties.importParties(actor, body);
    }
}
