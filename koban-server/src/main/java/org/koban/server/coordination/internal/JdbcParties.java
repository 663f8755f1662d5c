package org.koban.server.coordination.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;
import org.koban.server.audit.AuditLog;
import org.koban.server.coordination.Parties;
import org.koban.server.coordination.PartyCommand;
import org.koban.server.coordination.PartyContact;
import org.koban.server.coordination.PartyKind;
import org.koban.server.coordination.PartyView;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.NotFoundException;
import org.koban.server.shared.Page;
import org.koban.server.shared.PageQuery;
import org.koban.server.shared.Validation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcParties implements Parties {

    private static final int NAME = 200;
    private static final int NOTES = 10_000;
    private static final int MAX_IMPORT = 5_000;
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private final JdbcClient jdbc;
    private final Permissions permissions;
    private final AuditLog audit;
    private final Clock clock;
    private final org.koban.server.identity.Users users;

    JdbcParties(
            JdbcClient jdbc,
            Permissions permissions,
            AuditLog audit,
            Clock clock,
            org.koban.server.identity.Users users) {
        this.users = users;
        this.jdbc = jdbc;
        this.permissions = permissions;
        this.audit = audit;
        this.clock = clock;
    }

    /** A command that passed every check, with its text trimmed. */
    private record Checked(
            String name,
            PartyKind kind,
            @Nullable String country,
            @Nullable String website,
            @Nullable String securityTxt,
            List<PartyContact> contacts,
            @Nullable String pgpKey,
            String notes) {}

    static @Nullable Checked check(Validation v, PartyCommand c) {
        String name = v.required("name", c.name(), NAME);
        if (c.kind() == null) v.reject("kind", "is required: " + java.util.Arrays.toString(PartyKind.values()));
        String country = blankToNull(c.country());
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!COUNTRY.matcher(country).matches())
                v.reject("country", "must be an ISO 3166-1 two-letter code, e.g. JP");
        }
        String website = v.webUrl("website", c.website());
        String securityTxt = v.webUrl("securityTxt", c.securityTxt());
        List<PartyContact> contacts = new ArrayList<>();
        List<PartyContact> given = c.contacts() == null ? List.of() : c.contacts();
        if (given.size() > MAX_CONTACTS) v.reject("contacts", "at most " + MAX_CONTACTS + " contacts");
        for (int i = 0; i < given.size(); i++) {
            PartyContact contact = given.get(i);
            String field = "contacts[" + i + "].";
            if (contact == null) {
                v.reject("contacts[" + i + "]", "must not be empty");
                continue;
            }
            String contactName = blankToNull(v.optional(field + "name", contact.name(), NAME));
            String email = v.email(field + "email", contact.email());
            String role = blankToNull(v.optional(field + "role", contact.role(), NAME));
            if (contactName == null && email == null)
                v.reject(field + "name", "a contact needs a name or an email address");
            contacts.add(new PartyContact(contactName, email, role));
        }
        String pgpKey = v.pgpPublicKey("pgpKey", c.pgpKey());
        String notes = v.optional("notes", c.notes(), NOTES);
        if (name == null || name.isBlank() || c.kind() == null) return null;
        return new Checked(
                name.strip(),
                c.kind(),
                country,
                website,
                securityTxt,
                List.copyOf(contacts),
                pgpKey,
                notes == null ? "" : notes.strip());
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<PartyView> list(Actor actor, PageQuery query, @Nullable PartyKind kind) {
        permissions.check(actor, Action.PARTY_VIEW);
        String where = """
                where (cast(:kind as text) is null or p.kind = :kind)
                  and (:q = '' or p.name ilike :like or p.notes ilike :like or p.website ilike :like
                       or exists (select 1 from party_contact c where c.party_id = p.id
                                  and (c.name ilike :like or c.email ilike :like)))
                """;
        long total = jdbc.sql("select count(*) from party p " + where)
                .param("kind", kind == null ? null : kind.name())
                .param("q", query.search())
                .param("like", query.likePattern())
                .query(Long.class)
                .single();
        List<UUID> ids = jdbc.sql(
                        "select p.id from party p " + where + " order by lower(p.name) limit :limit offset :offset")
                .param("kind", kind == null ? null : kind.name())
                .param("q", query.search())
                .param("like", query.likePattern())
                .param("limit", query.size())
                .param("offset", query.offset())
                .query(UUID.class)
                .list();
        return Page.of(ids.stream().map(this::load).toList(), query, total);
    }

    @Override
    @Transactional(readOnly = true)
    public PartyView get(Actor actor, UUID partyId) {
        permissions.check(actor, Action.PARTY_VIEW);
        return load(partyId);
    }

    @Override
    @Transactional
    public PartyView create(Actor actor, PartyCommand command) {
        permissions.check(actor, Action.PARTY_MANAGE);
        Validation v = new Validation();
        Checked c = check(v, command);
        if (c != null && idByName(c.name) != null) v.reject("name", "a party named '" + c.name + "' exists already");
        v.throwIfInvalid();
        UUID id = insert(c);
        PartyView created = load(id);
        audit.record(actor, "party.created", "party", id, null, auditView(created));
        return created;
    }

    @Override
    @Transactional
    public PartyView update(Actor actor, UUID partyId, PartyCommand command) {
        permissions.check(actor, Action.PARTY_MANAGE);
        PartyView before = load(partyId);
        Validation v = new Validation();
        Checked c = check(v, command);
        if (c != null) {
            UUID other = idByName(c.name);
            if (other != null && !other.equals(partyId))
                v.reject("name", "a party named '" + c.name + "' exists already");
        }
        v.throwIfInvalid();
        write(partyId, c);
        PartyView after = load(partyId);
        audit.record(actor, "party.updated", "party", partyId, auditView(before), auditView(after));
        return after;
    }

    @Override
    @Transactional
    public void delete(Actor actor, UUID partyId) {
        permissions.check(actor, Action.PARTY_MANAGE);
        PartyView before = load(partyId);
        long cases = jdbc.sql("select count(*) from case_participant where party_id = :id")
                .param("id", partyId)
                .query(Long.class)
                .single();
        if (cases > 0) {
            throw InvalidInputException.of(
                    "party", before.name() + " takes part in " + cases + " case(s) and stays in the directory");
        }
        long accounts = users.partyAccounts(partyId);
        if (accounts > 0) {
            throw InvalidInputException.of(
                    "party",
                    before.name() + " has " + accounts + " portal account(s); an admin disables them, and the party"
                            + " stays in the directory for the record");
        }
        jdbc.sql("delete from party where id = :id").param("id", partyId).update();
        audit.record(actor, "party.deleted", "party", partyId, auditView(before), null);
    }

    @Override
    @Transactional
    public ImportSummary importParties(Actor actor, List<PartyCommand> parties) {
        permissions.check(actor, Action.PARTY_MANAGE);
        if (parties.size() > MAX_IMPORT)
            throw InvalidInputException.of("parties", "at most " + MAX_IMPORT + " per import");
        Validation v = new Validation();
        List<Checked> checked = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < parties.size(); i++) {
            Validation entry = new Validation("parties[" + i + "].");
            Checked c = parties.get(i) == null ? null : check(entry, parties.get(i));
            if (parties.get(i) == null) entry.reject("", "must not be empty");
            v.addAll(entry.problems());
            if (c != null && !names.add(c.name.toLowerCase(Locale.ROOT))) {
                v.reject("parties[" + i + "].name", "'" + c.name + "' appears twice in the import");
            }
            checked.add(c);
        }
        v.throwIfInvalid();
        int created = 0;
        int updated = 0;
        for (Checked c : checked) {
            UUID existing = idByName(c.name);
            if (existing == null) {
                UUID id = insert(c);
                audit.record(actor, "party.imported", "party", id, null, auditView(load(id)));
                created++;
            } else {
                PartyView before = load(existing);
                write(existing, c);
                audit.record(actor, "party.imported", "party", existing, auditView(before), auditView(load(existing)));
                updated++;
            }
        }
        return new ImportSummary(created, updated);
    }

    private @Nullable UUID idByName(String name) {
        return jdbc.sql("select id from party where lower(name) = lower(:name)")
                .param("name", name)
                .query(UUID.class)
                .optional()
                .orElse(null);
    }

    private UUID insert(Checked c) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into party (id, name, kind, country, website, security_txt, pgp_key, notes, created_at, updated_at)
                        values (:id, :name, :kind, :country, :website, :securityTxt, :pgpKey, :notes, :now, :now)
                        """)
                .param("id", id)
                .param("name", c.name)
                .param("kind", c.kind.name())
                .param("country", c.country)
                .param("website", c.website)
                .param("securityTxt", c.securityTxt)
                .param("pgpKey", c.pgpKey)
                .param("notes", c.notes)
                .param("now", Timestamp.from(now))
                .update();
        writeContacts(id, c.contacts);
        return id;
    }

    private void write(UUID id, Checked c) {
        jdbc.sql("""
                        update party set name = :name, kind = :kind, country = :country, website = :website,
                            security_txt = :securityTxt, pgp_key = :pgpKey, notes = :notes, updated_at = :now
                        where id = :id
                        """)
                .param("id", id)
                .param("name", c.name)
                .param("kind", c.kind.name())
                .param("country", c.country)
                .param("website", c.website)
                .param("securityTxt", c.securityTxt)
                .param("pgpKey", c.pgpKey)
                .param("notes", c.notes)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        jdbc.sql("delete from party_contact where party_id = :id")
                .param("id", id)
                .update();
        writeContacts(id, c.contacts);
    }

    private void writeContacts(UUID id, List<PartyContact> contacts) {
        for (int i = 0; i < contacts.size(); i++) {
            PartyContact contact = contacts.get(i);
            jdbc.sql(
                            "insert into party_contact (party_id, position, name, email, role) values (:id, :pos, :name, :email, :role)")
                    .param("id", id)
                    .param("pos", i)
                    .param("name", contact.name())
                    .param("email", contact.email())
                    .param("role", contact.role())
                    .update();
        }
    }

    private PartyView load(UUID id) {
        List<PartyContact> contacts = jdbc.sql(
                        "select name, email, role from party_contact where party_id = :id order by position")
                .param("id", id)
                .query((rs, n) -> new PartyContact(rs.getString("name"), rs.getString("email"), rs.getString("role")))
                .list();
        return jdbc.sql("select * from party where id = :id")
                .param("id", id)
                .query((rs, n) -> new PartyView(
                        id,
                        rs.getString("name"),
                        PartyKind.valueOf(rs.getString("kind")),
                        rs.getString("country"),
                        rs.getString("website"),
                        rs.getString("security_txt"),
                        contacts,
                        rs.getString("pgp_key"),
                        rs.getString("notes"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional()
                .orElseThrow(() -> new NotFoundException("Party", id));
    }

    /** The audit keeps what identifies a party and how to reach it; the key by presence only. */
    private static Map<String, Object> auditView(PartyView p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("kind", p.kind().name());
        if (p.country() != null) m.put("country", p.country());
        m.put(
                "contacts",
                p.contacts().stream()
                        .map(c -> c.email() == null ? String.valueOf(c.name()) : c.email())
                        .toList());
        m.put("pgpKey", p.hasPgpKey());
        return m;
    }
}
