package org.koban.server.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;
import org.koban.server.access.Role;
import org.koban.server.audit.AuditLog;
import org.koban.server.identity.MailRecipient;
import org.koban.server.identity.UserCommand;
import org.koban.server.identity.UserView;
import org.koban.server.identity.Users;
import org.koban.server.organisation.Organisation;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.NotFoundException;
import org.koban.server.shared.Page;
import org.koban.server.shared.PageQuery;
import org.koban.server.shared.Validation;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcUsers implements Users {

    // Deliberately loose: the address is checked by mail delivery, not by a regular expression.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final UserRecords records;
    private final Permissions permissions;
    private final AuditLog audit;
    private final Organisation organisation;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final UserSessions sessions;

    JdbcUsers(
            UserRecords records,
            Permissions permissions,
            AuditLog audit,
            Organisation organisation,
            PasswordEncoder passwordEncoder,
            Clock clock,
            UserSessions sessions) {
        this.records = records;
        this.permissions = permissions;
        this.audit = audit;
        this.organisation = organisation;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.sessions = sessions;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<UserView> list(Actor actor, PageQuery query) {
        permissions.check(actor, Action.USER_VIEW);
        return Page.of(records.page(query), query, records.count(query));
    }

    @Override
    @Transactional(readOnly = true)
    public UserView get(Actor actor, UUID userId) {
        // Reading one's own record is part of managing one's own account; anyone else's needs USER_VIEW.
        permissions.check(actor, actor.id().equals(userId) ? Action.OWN_ACCOUNT_MANAGE : Action.USER_VIEW);
        return records.find(userId).orElseThrow(() -> new NotFoundException("User", userId));
    }

    @Override
    @Transactional
    public UserView create(Actor actor, UserCommand command) {
        permissions.check(actor, Action.USER_MANAGE);
        var v = validate(command, null, null);
        checkPassword(v, "password", command.password(), true);
        v.throwIfInvalid();
        UUID id = UUID.randomUUID();
        records.insert(
                id,
                command.email().strip(),
                command.displayName().strip(),
                passwordEncoder.encode(command.password()),
                command.roles(),
                command.enabled(),
                clock.instant());
        records.replaceLines(id, command.lineIds());
        UserView created = records.find(id).orElseThrow();
        audit.record(actor, "user.created", "user", id, null, created);
        return created;
    }

    @Override
    @Transactional
    public UserView update(Actor actor, UUID userId, UserCommand command) {
        permissions.check(actor, Action.USER_MANAGE);
        UserView before = records.find(userId).orElseThrow(() -> new NotFoundException("User", userId));
        var v = validate(command, userId, before.partyId());
        boolean newPassword = command.password() != null && !command.password().isEmpty();
        if (newPassword) checkPassword(v, "password", command.password(), true);
        if (actor.id().equals(userId) && (!command.roles().contains(Role.ADMIN) || !command.enabled())) {
            v.reject("roles", "you cannot remove your own admin role or disable yourself; ask another admin");
        }
        v.throwIfInvalid();
        records.update(
                userId, command.email().strip(), command.displayName().strip(), command.roles(), command.enabled());
        records.replaceLines(userId, command.lineIds());
        if (newPassword) records.setPassword(userId, passwordEncoder.encode(command.password()), clock.instant());
        UserView after = records.find(userId).orElseThrow();
        audit.record(actor, "user.updated", "user", userId, before, after);
        if (newPassword) audit.record(actor, "user.password-reset", "user", userId, null, null);
        if (newPassword || !after.enabled()) sessions.endAll(before.email());
        return after;
    }

    @Override
    @Transactional
    public UserView unlock(Actor actor, UUID userId) {
        permissions.check(actor, Action.USER_MANAGE);
        UserView before = records.find(userId).orElseThrow(() -> new NotFoundException("User", userId));
        records.unlock(userId);
        UserView after = records.find(userId).orElseThrow();
        audit.record(actor, "user.unlocked", "user", userId, before, after);
        return after;
    }

    @Override
    @Transactional
    public void changeOwnPassword(Actor actor, String currentPassword, String newPassword) {
        permissions.check(actor, Action.OWN_ACCOUNT_MANAGE);
        String hash = records.passwordHash(actor.id()).orElseThrow(() -> new NotFoundException("User", actor.id()));
        var v = new Validation();
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, hash)) {
            v.reject("currentPassword", "is not your current password");
        }
        checkPassword(v, "newPassword", newPassword, true);
        if (newPassword != null && newPassword.equals(currentPassword)) {
            v.reject("newPassword", "must differ from the current password");
        }
        v.throwIfInvalid();
        records.setPassword(actor.id(), passwordEncoder.encode(newPassword), clock.instant());
        audit.record(actor, "user.password-changed", "user", actor.id(), null, null);
        records.find(actor.id()).ifPresent(me -> sessions.endAllButCurrent(me.email()));
    }

    @Override
    @Transactional
    public UserView setOwnTimeZone(Actor actor, @Nullable String timeZone) {
        permissions.check(actor, Action.OWN_ACCOUNT_MANAGE);
        var v = new Validation();
        String zone = validZone(v, "timeZone", timeZone);
        v.throwIfInvalid();
        UserView before = records.find(actor.id()).orElseThrow(() -> new NotFoundException("User", actor.id()));
        records.setTimeZone(actor.id(), zone);
        UserView after = records.find(actor.id()).orElseThrow();
        audit.record(actor, "user.time-zone-changed", "user", actor.id(), before.timeZone(), after.timeZone());
        return after;
    }

    @Override
    @Transactional
    public UserView createParticipant(
            String email, String displayName, String password, UUID partyId, @Nullable String timeZone) {
        var command = new UserCommand(email, displayName, password, Set.of(Role.PARTICIPANT), Set.of(), true);
        var v = validate(command, null, partyId);
        checkPassword(v, "password", password, true);
        String zone = validZone(v, "timeZone", timeZone);
        v.throwIfInvalid();
        UUID id = UUID.randomUUID();
        records.insert(
                id,
                email.strip(),
                displayName.strip(),
                passwordEncoder.encode(password),
                command.roles(),
                true,
                clock.instant());
        records.joinParty(id, partyId);
        records.setTimeZone(id, zone);
        UserView created = records.find(id).orElseThrow();
        audit.record(Actor.system(), "user.participant-joined", "user", id, null, created);
        return created;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UserView> byEmail(String email) {
        return records.idByEmail(email.strip()).flatMap(records::find);
    }

    @Override
    @Transactional(readOnly = true)
    public long partyAccounts(UUID partyId) {
        return records.partyAccounts(partyId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<MailRecipient> partyMembers(UUID partyId) {
        return records.partyMembers(partyId);
    }

    private static @Nullable String validZone(Validation v, String field, @Nullable String timeZone) {
        if (timeZone == null || timeZone.isBlank() || timeZone.strip().equals("UTC")) return null;
        try {
            return java.time.ZoneId.of(timeZone.strip()).getId();
        } catch (java.time.DateTimeException e) {
            v.reject(field, "is not a time zone (use an IANA name such as Asia/Tokyo)");
            return null;
        }
    }

    @Override
    @Transactional(readOnly = true)
    public boolean anyExists() {
        return records.anyExists();
    }

    @Override
    @Transactional(readOnly = true)
    public List<MailRecipient> recipients(Set<Role> roles, @Nullable UUID lineId) {
        return roles.isEmpty() ? List.of() : records.recipients(roles, lineId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<MailRecipient> recipient(UUID userId) {
        return records.recipient(userId);
    }

    /** @param partyId the party the user belongs to (outside participants), or null for staff */
    private Validation validate(UserCommand command, @Nullable UUID self, @Nullable UUID partyId) {
        var v = new Validation();
        String email = v.required("email", command.email(), 254);
        if (email != null && !email.isBlank()) {
            if (!EMAIL.matcher(email.strip()).matches()) v.reject("email", "is not an email address");
            else if (records.emailTaken(email.strip(), self)) v.reject("email", "is already used by another user");
        }
        v.required("displayName", command.displayName(), 200);
        if (command.roles().isEmpty()) v.reject("roles", "at least one role is required");
        // An outside party's people never hold inside roles, and inside people never join a party.
        if (partyId == null && command.roles().contains(Role.PARTICIPANT)) {
            v.reject("roles", "outside participants join by invitation to a case, not by this form");
        } else if (partyId != null && !command.roles().equals(Set.of(Role.PARTICIPANT))) {
            v.reject("roles", "this person belongs to an outside party: their only role is outside participant");
        }
        if (command.roles().stream().anyMatch(Role::isLineScoped)
                && command.lineIds().isEmpty()) {
            v.reject("lineIds", "a production-line engineer or viewer needs at least one production line");
        }
        Set<UUID> known = organisation.linesById(command.lineIds()).keySet();
        for (UUID lineId : command.lineIds()) {
            if (!known.contains(lineId)) v.reject("lineIds", "production line " + lineId + " does not exist");
        }
        return v;
    }

    static void checkPassword(Validation v, String field, @Nullable String password, boolean required) {
        if (password == null || password.isEmpty()) {
            if (required) v.reject(field, "is required");
            return;
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            v.reject(field, "must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        // bcrypt reads at most 72 bytes; longer passwords would be silently cut, so they are refused.
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            v.reject(field, "must be at most " + MAX_PASSWORD_BYTES + " bytes long");
        }
    }

    /** Creates a user at first start, before anyone can sign in: Koban itself is the actor. */
    @Transactional
    UserView createFirst(String email, String displayName, String password, Set<Role> roles) {
        var command = new UserCommand(email, displayName, password, roles, Set.of(), true);
        var v = validate(command, null, null);
        checkPassword(v, "password", password, true);
        if (v.hasProblems()) throw new InvalidInputException(v.problems());
        return create(Actor.system(), command);
    }
}
