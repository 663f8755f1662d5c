package org.koban.server.cve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pair of states against the expected table: the only moves are the ones written here. */
class CveIdStateUnitTest {

    private static final Set<String> LEGAL =
            Set.of("RESERVED->ASSIGNED", "RESERVED->REJECTED", "ASSIGNED->PUBLISHED", "PUBLISHED->PUBLISHED");

    static Stream<Arguments> pairs() {
        return Stream.of(CveIdState.values())
                .flatMap(from -> Stream.of(CveIdState.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void followsTheTable(CveIdState from, CveIdState to) {
        assertThat(from.canBecome(to)).isEqualTo(LEGAL.contains(from + "->" + to));
    }
}
