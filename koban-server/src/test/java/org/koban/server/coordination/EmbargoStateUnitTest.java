package org.koban.server.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.koban.server.coordination.EmbargoState.ACTIVE;
import static org.koban.server.coordination.EmbargoState.ENDED;
import static org.koban.server.coordination.EmbargoState.NONE;
import static org.koban.server.coordination.EmbargoState.PROPOSED;
import static org.koban.server.coordination.EmbargoState.REVISING;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pair of embargo states against the architecture's row, and early termination from every state. */
class EmbargoStateUnitTest {

    private static final Map<EmbargoState, Set<EmbargoState>> EXPECTED = Map.of(
            NONE, EnumSet.of(PROPOSED),
            PROPOSED, EnumSet.of(ACTIVE, NONE),
            ACTIVE, EnumSet.of(REVISING, ENDED),
            REVISING, EnumSet.of(ACTIVE, ENDED),
            ENDED, EnumSet.noneOf(EmbargoState.class));

    private static final Map<EmbargoState, EmbargoState> ON_PUBLIC_KNOWLEDGE =
            Map.of(NONE, NONE, PROPOSED, NONE, ACTIVE, ENDED, REVISING, ENDED, ENDED, ENDED);

    static Stream<Arguments> everyPair() {
        return Stream.of(EmbargoState.values())
                .flatMap(from -> Stream.of(EmbargoState.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void allowsExactlyTheLifecycleTransitions(EmbargoState from, EmbargoState to) {
        assertThat(from.canMoveTo(to)).isEqualTo(EXPECTED.get(from).contains(to));
        assertThat(from.next().contains(to)).isEqualTo(EXPECTED.get(from).contains(to));
    }

    @ParameterizedTest
    @EnumSource(EmbargoState.class)
    void publicKnowledgeEndsABindingEmbargoAtOnceAndDropsAProposal(EmbargoState state) {
        EmbargoState after = state.onPublicKnowledge();
        assertThat(after).isEqualTo(ON_PUBLIC_KNOWLEDGE.get(state));
        // Early termination is always a legal move (or no move at all).
        assertThat(after == state || state.canMoveTo(after)).isTrue();
        assertThat(after.binds()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(EmbargoState.class)
    void onlyAnAcceptedEmbargoBinds(EmbargoState state) {
        assertThat(state.binds()).isEqualTo(state == ACTIVE || state == REVISING);
    }
}
