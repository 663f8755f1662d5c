package org.koban.server.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SecurityTxtDateUnitTest {

    @Test
    void writesSecondsEvenWhenTheyAreZero() {
        assertThat(JdbcIntake.securityTxtDate(Instant.parse("2027-11-25T22:07:00Z")))
                .isEqualTo("2027-11-25T22:07:00Z");
    }

    @Test
    void dropsFractionsOfASecond() {
        assertThat(JdbcIntake.securityTxtDate(Instant.parse("2027-11-25T22:07:31.123456Z")))
                .isEqualTo("2027-11-25T22:07:31Z");
    }
}
