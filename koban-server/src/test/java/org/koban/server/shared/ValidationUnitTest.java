package org.koban.server.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The shared input checks that several modules' forms and APIs use. */
class ValidationUnitTest {

    enum Colour {
        DARK_RED,
        BLUE
    }

    @Test
    void choicesAreReadInAnyCaseWithDashesAndRefusedWithTheAllowedValues() {
        assertThat(Validation.choice(Colour.class, "colour", " dark-red ")).isEqualTo(Colour.DARK_RED);
        assertThat(Validation.choice(Colour.class, "colour", "BLUE")).isEqualTo(Colour.BLUE);
        assertThat(Validation.choice(Colour.class, "colour", " ")).isNull();
        assertThatThrownBy(() -> Validation.choice(Colour.class, "colour", "green"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("colour");
                            assertThat(p.message()).contains("dark_red", "blue");
                        }));
    }

    @Test
    void optionalTextIsStrippedAndBlankIsAbsentButStillChecked() {
        Validation v = new Validation();
        assertThat(v.optionalText("a", "  text  ", 10)).isEqualTo("text");
        assertThat(v.optionalText("b", "   ", 10)).isNull();
        assertThat(v.optionalText("c", null, 10)).isNull();
        assertThat(v.hasProblems()).isFalse();
        v.optionalText("d", "x".repeat(11), 10);
        v.optionalText("e", "bell\u0007", 10);
        assertThat(v.problems())
                .extracting(InvalidInputException.Problem::field)
                .containsExactly("d", "e");
    }

    @Test
    void dateTimesAreTheFormsLocalDateTime() {
        assertThat(Validation.localDateTime("at", "2026-12-24T09:00")).isEqualTo(LocalDateTime.of(2026, 12, 24, 9, 0));
        assertThat(Validation.localDateTime("at", null)).isNull();
        assertThatThrownBy(() -> Validation.localDateTime("at", "24.12.2026"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void emailsLinksAndKeysAreCheckedAndStripped() {
        Validation v = new Validation();
        assertThat(v.email("a", " name@example.org ")).isEqualTo("name@example.org");
        assertThat(v.webUrl("b", " https://example.org/x ")).isEqualTo("https://example.org/x");
        String key = "-----BEGIN PGP PUBLIC KEY BLOCK-----\nabc\n-----END PGP PUBLIC KEY BLOCK-----";
        assertThat(v.pgpPublicKey("c", "\n" + key + "\n")).isEqualTo(key);
        assertThat(v.email("d", " ")).isNull();
        assertThat(v.hasProblems()).isFalse();

        v.email("e", "name@localhost");
        v.webUrl("f", "javascript:alert(1)");
        v.webUrl("g", "file:///etc/passwd");
        v.pgpPublicKey("h", key + "\n" + key);
        assertThat(v.problems())
                .extracting(InvalidInputException.Problem::field)
                .containsExactly("e", "f", "g", "h");
    }
}
