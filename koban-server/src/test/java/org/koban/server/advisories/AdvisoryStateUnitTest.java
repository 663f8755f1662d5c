package org.koban.server.advisories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The advisory lifecycle, every pair of states against a table written out by hand. */
class AdvisoryStateUnitTest {

    private static final Map<AdvisoryState, Set<AdvisoryState>> ALLOWED = new EnumMap<>(AdvisoryState.class);

    static {
        ALLOWED.put(AdvisoryState.DRAFT, EnumSet.of(AdvisoryState.IN_REVIEW));
        ALLOWED.put(AdvisoryState.IN_REVIEW, EnumSet.of(AdvisoryState.DRAFT, AdvisoryState.APPROVED));
        ALLOWED.put(AdvisoryState.APPROVED, EnumSet.of(AdvisoryState.DRAFT, AdvisoryState.PUBLISHED));
        ALLOWED.put(AdvisoryState.PUBLISHED, EnumSet.of(AdvisoryState.DRAFT));
    }

    static Stream<Arguments> everyPair() {
        return Stream.of(AdvisoryState.values())
                .flatMap(from -> Stream.of(AdvisoryState.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void movesExactlyAsTheTableSays(AdvisoryState from, AdvisoryState to) {
        assertThat(from.canMoveTo(to)).isEqualTo(ALLOWED.get(from).contains(to));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("states")
    void onlyADraftIsEdited(AdvisoryState state) {
        assertThat(state.editable()).isEqualTo(state == AdvisoryState.DRAFT);
        assertThat(state.canMoveTo(state)).isFalse();
    }

    static Stream<AdvisoryState> states() {
        return Stream.of(AdvisoryState.values());
    }
}
