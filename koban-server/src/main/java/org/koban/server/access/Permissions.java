package org.koban.server.access;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The one place that decides who may do what. Controllers, services, list queries and the navigation all
 * ask here; nothing else in Koban compares roles. The table below is the whole policy for organisation-wide
 * actions; line-scoped roles are further limited to their own lines by {@link #can(Actor, Action, UUID)}
 * and {@link #visibleLines(Actor)}.
 */
@Service
public class Permissions {

    private static final Map<Role, Set<Action>> GRANTS = new EnumMap<>(Role.class);

    static {
        // Admins may do everything inside; the portal's actions are an outside party's own and not theirs.
        GRANTS.put(Role.ADMIN, EnumSet.complementOf(EnumSet.of(Action.SHARED_CASE_VIEW, Action.SHARED_CASE_ANSWER)));
        GRANTS.put(
                Role.PSIRT_MANAGER,
                EnumSet.of(
                        Action.DASHBOARD_VIEW,
                        Action.ORGANISATION_VIEW,
                        Action.CATALOG_VIEW,
                        Action.CATALOG_EDIT,
                        Action.CATALOG_IMPORT,
                        Action.CATALOG_EXPORT,
                        Action.USER_VIEW,
                        Action.OWN_ACCOUNT_MANAGE,
                        Action.AUDIT_VIEW,
                        Action.AUDIT_VERIFY,
                        Action.REPORT_TRIAGE,
                        Action.CASE_VIEW,
                        Action.CASE_MANAGE,
                        Action.CASE_WORK,
                        Action.ATTACHMENT_DOWNLOAD,
                        Action.SLA_POLICY_EDIT,
                        Action.PARTY_VIEW,
                        Action.PARTY_MANAGE,
                        Action.ADVISORY_EDIT,
                        Action.ADVISORY_APPROVE));
        GRANTS.put(
                Role.PSIRT_ANALYST,
                EnumSet.of(
                        Action.DASHBOARD_VIEW,
                        Action.ORGANISATION_VIEW,
                        Action.CATALOG_VIEW,
                        Action.CATALOG_EXPORT,
                        Action.OWN_ACCOUNT_MANAGE,
                        Action.REPORT_TRIAGE,
                        Action.CASE_VIEW,
                        Action.CASE_MANAGE,
                        Action.CASE_WORK,
                        Action.ATTACHMENT_DOWNLOAD,
                        Action.PARTY_VIEW,
                        Action.PARTY_MANAGE,
                        Action.ADVISORY_EDIT));
        // Line engineers edit and import their own lines' products; the line check narrows this grant.
        GRANTS.put(
                Role.LINE_ENGINEER,
                EnumSet.of(
                        Action.DASHBOARD_VIEW,
                        Action.ORGANISATION_VIEW,
                        Action.CATALOG_VIEW,
                        Action.CATALOG_EDIT,
                        Action.CATALOG_IMPORT,
                        Action.CATALOG_EXPORT,
                        Action.OWN_ACCOUNT_MANAGE,
                        Action.CASE_VIEW,
                        Action.CASE_WORK,
                        Action.ATTACHMENT_DOWNLOAD));
        // Viewers read their own lines' records and change nothing.
        GRANTS.put(
                Role.VIEWER,
                EnumSet.of(
                        Action.DASHBOARD_VIEW,
                        Action.ORGANISATION_VIEW,
                        Action.CATALOG_VIEW,
                        Action.CATALOG_EXPORT,
                        Action.OWN_ACCOUNT_MANAGE,
                        Action.CASE_VIEW));
        // Outside participants see the portal and their own account, and nothing else of Koban.
        GRANTS.put(
                Role.PARTICIPANT,
                EnumSet.of(Action.OWN_ACCOUNT_MANAGE, Action.SHARED_CASE_VIEW, Action.SHARED_CASE_ANSWER));
    }

    /** Whether the actor may take this action at all (for line-scoped roles: on at least their own lines). */
    public boolean can(Actor actor, Action action) {
        return actor.roles().stream().anyMatch(role -> GRANTS.get(role).contains(action));
    }

    /** Whether the actor may take this action on a record that belongs to the given production line. */
    public boolean can(Actor actor, Action action, UUID lineId) {
        return actor.roles().stream()
                .anyMatch(role -> !role.isPartyScoped()
                        && GRANTS.get(role).contains(action)
                        && (!role.isLineScoped() || actor.isMemberOf(lineId)));
    }

    /**
     * Whether the actor may take this action on a record that belongs to several lines at once (a case
     * assigned to several production lines): organisation-wide roles always, line-scoped roles when at least
     * one of the lines is theirs.
     */
    public boolean canOnAnyLine(Actor actor, Action action, Collection<UUID> lineIds) {
        return actor.roles().stream()
                .anyMatch(role -> !role.isPartyScoped()
                        && GRANTS.get(role).contains(action)
                        && (!role.isLineScoped() || lineIds.stream().anyMatch(actor::isMemberOf)));
    }

    public void checkOnAnyLine(Actor actor, Action action, Collection<UUID> lineIds) {
        if (!canOnAnyLine(actor, action, lineIds)) throw denied(actor, action);
    }

    public void check(Actor actor, Action action) {
        if (!can(actor, action)) throw denied(actor, action);
    }

    public void check(Actor actor, Action action, UUID lineId) {
        if (!can(actor, action, lineId)) throw denied(actor, action);
    }

    /**
     * Whether the actor may take this action on what a case shares with one outside party: only people of that
     * party (what exactly is shared is then the sharing's business, see the coordination module).
     */
    public boolean canForParty(Actor actor, Action action, UUID partyId) {
        return actor.roles().stream()
                .anyMatch(role ->
                        role.isPartyScoped() && GRANTS.get(role).contains(action) && actor.belongsToParty(partyId));
    }

    public void checkForParty(Actor actor, Action action, UUID partyId) {
        if (!canForParty(actor, action, partyId)) throw denied(actor, action);
    }

    /** The lines whose records the actor may see: every line for organisation-wide roles, else their own. */
    public LineScope visibleLines(Actor actor) {
        return scopeFor(actor, Action.CATALOG_VIEW);
    }

    /** The lines on which the actor may take the action. */
    public LineScope scopeFor(Actor actor, Action action) {
        boolean organisationWide = actor.roles().stream()
                .anyMatch(role -> !role.isLineScoped()
                        && !role.isPartyScoped()
                        && GRANTS.get(role).contains(action));
        if (organisationWide) return LineScope.everything();
        boolean lineScoped = actor.roles().stream()
                .anyMatch(role -> role.isLineScoped() && GRANTS.get(role).contains(action));
        return LineScope.only(lineScoped ? actor.lineIds() : Set.of());
    }

    private static AccessDeniedException denied(Actor actor, Action action) {
        return new AccessDeniedException(
                actor.name() + " may not " + action.name().toLowerCase().replace('_', ' '));
    }
}
