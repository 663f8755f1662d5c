package org.koban.server.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.koban.server.intake.ReportState.ACCEPTED;
import static org.koban.server.intake.ReportState.CLOSED;
import static org.koban.server.intake.ReportState.MERGED;
import static org.koban.server.intake.ReportState.NEEDS_INFORMATION;
import static org.koban.server.intake.ReportState.RECEIVED;
import static org.koban.server.intake.ReportState.WITHDRAWN;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pair of report states against the architecture's table, written out here independently. */
class ReportStateUnitTest {

    private static final Map<ReportState, Set<ReportState>> EXPECTED = Map.of(
            RECEIVED, EnumSet.of(NEEDS_INFORMATION, ACCEPTED, MERGED, CLOSED, WITHDRAWN),
            NEEDS_INFORMATION, EnumSet.of(RECEIVED, WITHDRAWN),
            ACCEPTED, EnumSet.noneOf(ReportState.class),
            MERGED, EnumSet.noneOf(ReportState.class),
            CLOSED, EnumSet.noneOf(ReportState.class),
            WITHDRAWN, EnumSet.noneOf(ReportState.class));

    static Stream<Arguments> everyPair() {
        return Stream.of(ReportState.values())
                .flatMap(from -> Stream.of(ReportState.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void allowsExactlyTheTransitionsOfTheArchitecture(ReportState from, ReportState to) {
        assertThat(from.canMoveTo(to)).isEqualTo(EXPECTED.get(from).contains(to));
        assertThat(from.next().contains(to)).isEqualTo(EXPECTED.get(from).contains(to));
    }

    @ParameterizedTest
    @MethodSource("states")
    void isOpenExactlyWhileTheReporterMayStillWithdraw(ReportState state) {
        assertThat(state.isOpen()).isEqualTo(state == RECEIVED || state == NEEDS_INFORMATION);
    }

    static Stream<ReportState> states() {
        return Stream.of(ReportState.values());
    }
}
