package org.koban.server.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.koban.server.cases.TaskState.FIX_READY;
import static org.koban.server.cases.TaskState.IN_PROGRESS;
import static org.koban.server.cases.TaskState.OPEN;
import static org.koban.server.cases.TaskState.RELEASED;
import static org.koban.server.cases.TaskState.WONT_FIX;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pair of task states against "open → in progress → fix ready → released; won't fix from any open state". */
class TaskStateUnitTest {

    private static final Map<TaskState, Set<TaskState>> EXPECTED = Map.of(
            OPEN, EnumSet.of(IN_PROGRESS, WONT_FIX),
            IN_PROGRESS, EnumSet.of(FIX_READY, WONT_FIX),
            FIX_READY, EnumSet.of(RELEASED, WONT_FIX),
            RELEASED, EnumSet.noneOf(TaskState.class),
            WONT_FIX, EnumSet.noneOf(TaskState.class));

    static Stream<Arguments> everyPair() {
        return Stream.of(TaskState.values())
                .flatMap(from -> Stream.of(TaskState.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void allowsExactlyTheLifecycleTransitions(TaskState from, TaskState to) {
        assertThat(from.canMoveTo(to)).isEqualTo(EXPECTED.get(from).contains(to));
        assertThat(from.next().contains(to)).isEqualTo(EXPECTED.get(from).contains(to));
    }

    @ParameterizedTest
    @EnumSource(TaskState.class)
    void isOpenExactlyWhileWontFixIsStillPossible(TaskState state) {
        assertThat(state.isOpen()).isEqualTo(state.canMoveTo(WONT_FIX));
    }
}
