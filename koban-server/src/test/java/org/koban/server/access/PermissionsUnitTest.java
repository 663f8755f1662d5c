package org.koban.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.access.AccessDeniedException;

/**
 * The permission matrix, written out by hand as the expected policy and checked for every role × action
 * pair, and for line-scoped roles on their own line and on another line. A change to the policy must
 * change this table too, on purpose.
 */
class PermissionsUnitTest {

    private static final UUID OWN_LINE = UUID.randomUUID();
    private static final UUID OTHER_LINE = UUID.randomUUID();
    private static final Map<Role, Set<Action>> EXPECTED = new EnumMap<>(Role.class);

    static {
        EXPECTED.put(Role.ADMIN, EnumSet.complementOf(EnumSet.of(Action.SHARED_CASE_VIEW, Action.SHARED_CASE_ANSWER)));
        EXPECTED.put(
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
        EXPECTED.put(
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
        EXPECTED.put(
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
        EXPECTED.put(
                Role.VIEWER,
                EnumSet.of(
                        Action.DASHBOARD_VIEW,
                        Action.ORGANISATION_VIEW,
                        Action.CATALOG_VIEW,
                        Action.CATALOG_EXPORT,
                        Action.OWN_ACCOUNT_MANAGE,
                        Action.CASE_VIEW));
        EXPECTED.put(
                Role.PARTICIPANT,
                EnumSet.of(Action.OWN_ACCOUNT_MANAGE, Action.SHARED_CASE_VIEW, Action.SHARED_CASE_ANSWER));
    }

    private static final UUID OWN_PARTY = UUID.randomUUID();
    private static final UUID OTHER_PARTY = UUID.randomUUID();

    private final Permissions permissions = new Permissions();

    static Stream<Arguments> everyRoleAndAction() {
        return EnumSet.allOf(Role.class).stream()
                .flatMap(role -> EnumSet.allOf(Action.class).stream().map(action -> Arguments.of(role, action)));
    }

    private static Actor actorWith(Role role) {
        return new Actor(
                UUID.randomUUID(), role.label(), Actor.Kind.USER, Set.of(role), Set.of(OWN_LINE), Set.of(OWN_PARTY));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRoleAndAction")
    void grantsExactlyTheExpectedOrganisationWideActions(Role role, Action action) {
        boolean expected = EXPECTED.get(role).contains(action);
        Actor actor = actorWith(role);
        assertThat(permissions.can(actor, action)).isEqualTo(expected);
        if (expected) {
            permissions.check(actor, action);
        } else {
            assertThatThrownBy(() -> permissions.check(actor, action)).isInstanceOf(AccessDeniedException.class);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRoleAndAction")
    void limitsLineScopedRolesToTheirOwnLines(Role role, Action action) {
        boolean granted = EXPECTED.get(role).contains(action) && !role.isPartyScoped();
        Actor actor = actorWith(role);
        assertThat(permissions.can(actor, action, OWN_LINE)).isEqualTo(granted);
        assertThat(permissions.can(actor, action, OTHER_LINE)).isEqualTo(granted && !role.isLineScoped());
        if (!(granted && !role.isLineScoped())) {
            assertThatThrownBy(() -> permissions.check(actor, action, OTHER_LINE))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRoleAndAction")
    void scopesListsByRole(Role role, Action action) {
        LineScope scope = permissions.scopeFor(actorWith(role), action);
        boolean granted = EXPECTED.get(role).contains(action) && !role.isPartyScoped();
        assertThat(scope.all()).isEqualTo(granted && !role.isLineScoped());
        assertThat(scope.includes(OWN_LINE)).isEqualTo(granted);
        assertThat(scope.includes(OTHER_LINE)).isEqualTo(granted && !role.isLineScoped());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRoleAndAction")
    void decidesOnRecordsOfSeveralLinesByAnyOfThem(Role role, Action action) {
        boolean granted = EXPECTED.get(role).contains(action) && !role.isPartyScoped();
        Actor actor = actorWith(role);
        assertThat(permissions.canOnAnyLine(actor, action, Set.of(OTHER_LINE, OWN_LINE)))
                .isEqualTo(granted);
        assertThat(permissions.canOnAnyLine(actor, action, Set.of(OTHER_LINE)))
                .isEqualTo(granted && !role.isLineScoped());
        assertThat(permissions.canOnAnyLine(actor, action, Set.of())).isEqualTo(granted && !role.isLineScoped());
        if (!(granted && !role.isLineScoped())) {
            assertThatThrownBy(() -> permissions.checkOnAnyLine(actor, action, Set.of(OTHER_LINE)))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRoleAndAction")
    void limitsPartyActionsToPeopleOfThatParty(Role role, Action action) {
        boolean granted = EXPECTED.get(role).contains(action) && role.isPartyScoped();
        Actor actor = actorWith(role);
        assertThat(permissions.canForParty(actor, action, OWN_PARTY)).isEqualTo(granted);
        assertThat(permissions.canForParty(actor, action, OTHER_PARTY)).isFalse();
        assertThatThrownBy(() -> permissions.checkForParty(actor, action, OTHER_PARTY))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aParticipantSeesNothingInsideKoban() {
        Actor participant = actorWith(Role.PARTICIPANT);
        for (Action action : Action.values()) {
            assertThat(permissions.can(participant, action, OWN_LINE)).isFalse();
        }
        assertThat(permissions.visibleLines(participant).isEmpty()).isTrue();
        assertThat(permissions.scopeFor(participant, Action.SHARED_CASE_VIEW).isEmpty())
                .isTrue();
    }

    @Test
    void aLineEngineerWhoIsAlsoAnAnalystSeesEveryLineButEditsOnlyTheirOwn() {
        var actor = new Actor(
                UUID.randomUUID(),
                "both",
                Actor.Kind.USER,
                Set.of(Role.PSIRT_ANALYST, Role.LINE_ENGINEER),
                Set.of(OWN_LINE));
        assertThat(permissions.visibleLines(actor).all()).isTrue();
        assertThat(permissions.can(actor, Action.CATALOG_EDIT, OWN_LINE)).isTrue();
        assertThat(permissions.can(actor, Action.CATALOG_EDIT, OTHER_LINE)).isFalse();
        assertThat(permissions.scopeFor(actor, Action.CATALOG_EDIT)).isEqualTo(LineScope.only(Set.of(OWN_LINE)));
    }

    @Test
    void anActorWithoutRolesMayDoNothing() {
        var nobody = new Actor(UUID.randomUUID(), "nobody", Actor.Kind.USER, Set.of(), Set.of(OWN_LINE));
        for (Action action : Action.values()) {
            assertThat(permissions.can(nobody, action)).isFalse();
            assertThat(permissions.can(nobody, action, OWN_LINE)).isFalse();
        }
        assertThat(permissions.visibleLines(nobody).isEmpty()).isTrue();
    }

    @Test
    void kobanItselfActsAsAnAdmin() {
        for (Action action : Action.values())
            assertThat(permissions.can(Actor.system(), action))
                    .isEqualTo(EXPECTED.get(Role.ADMIN).contains(action));
    }
}
