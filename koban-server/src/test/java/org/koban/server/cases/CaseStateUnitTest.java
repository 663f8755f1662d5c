package org.koban.server.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.koban.server.cases.CaseState.ANALYSIS;
import static org.koban.server.cases.CaseState.CLOSED;
import static org.koban.server.cases.CaseState.DEFERRED;
import static org.koban.server.cases.CaseState.DISCLOSURE;
import static org.koban.server.cases.CaseState.REJECTED;
import static org.koban.server.cases.CaseState.REMEDIATION;
import static org.koban.server.cases.CaseState.REOPENED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every pair of case states against the architecture's lifecycle (analysis → remediation → disclosure →
 * closed; deferred ⇄ any open state; rejected from analysis; reopened from closed), written out here again.
 */
class CaseStateUnitTest {

    private static final Map<CaseState, Set<CaseState>> EXPECTED = Map.of(
            ANALYSIS, EnumSet.of(REMEDIATION, DEFERRED, REJECTED),
            REMEDIATION, EnumSet.of(DISCLOSURE, DEFERRED),
            DISCLOSURE, EnumSet.of(CLOSED, DEFERRED),
            DEFERRED, EnumSet.of(ANALYSIS, REMEDIATION, DISCLOSURE, REOPENED),
            CLOSED, EnumSet.of(REOPENED),
            REJECTED, EnumSet.of(REOPENED),
            REOPENED, EnumSet.of(ANALYSIS, REMEDIATION, DISCLOSURE, CLOSED, DEFERRED));

    static Stream<Arguments> everyPair() {
        return Stream.of(CaseState.values())
                .flatMap(from -> Stream.of(CaseState.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void allowsExactlyTheLifecycleTransitions(CaseState from, CaseState to) {
        assertThat(from.canMoveTo(to)).isEqualTo(EXPECTED.get(from).contains(to));
        assertThat(from.next().contains(to)).isEqualTo(EXPECTED.get(from).contains(to));
    }

    @ParameterizedTest
    @EnumSource(CaseState.class)
    void everyOpenStateCanBeDeferredAndNoFinishedOneCan(CaseState state) {
        boolean open = state != CLOSED && state != REJECTED;
        assertThat(state.isOpen()).isEqualTo(open);
        assertThat(state.canMoveTo(DEFERRED)).isEqualTo(open && state != DEFERRED);
    }

    @ParameterizedTest
    @EnumSource(CaseState.class)
    void onlyDeferringRejectingAndReopeningNeedAReason(CaseState target) {
        assertThat(target.needsReason())
                .isEqualTo(EnumSet.of(DEFERRED, REJECTED, REOPENED).contains(target));
    }

    @ParameterizedTest
    @EnumSource(CaseState.class)
    void noStateMovesToItself(CaseState state) {
        assertThat(state.canMoveTo(state)).isFalse();
    }
}
