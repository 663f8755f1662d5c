package org.koban.server.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.koban.server.scoring.CweEntry;
import org.koban.server.scoring.CweKind;
import org.koban.server.scoring.Weaknesses;
import org.koban.server.shared.InvalidInputException;

/** The bundled CWE catalogue: lookup, exact names, what may be mapped, search ranking. */
class WeaknessesUnitTest {

    private static final Weaknesses WEAKNESSES = new CweCatalogue();

    @Test
    void loadsTheWholeCatalogueQuickly() {
        long start = System.nanoTime();
        Weaknesses fresh = new CweCatalogue();
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(fresh.size()).isEqualTo(1431);
        // Generous for a shared 2-core machine; it takes tens of milliseconds when warm.
        assertThat(millis).isLessThan(2_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CWE-79", "79", "cwe-79", " CWE-79 ", "CWE-079"})
    void findsAnEntryByIdWithOrWithoutPrefix(String id) {
        CweEntry entry = WEAKNESSES.find(id).orElseThrow();

        assertThat(entry.id()).isEqualTo("CWE-79");
        assertThat(entry.name())
                .isEqualTo("Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')");
        assertThat(entry.kind()).isEqualTo(CweKind.WEAKNESS);
        assertThat(entry.abstraction()).isEqualTo("Base");
        assertThat(entry.status()).isEqualTo("Stable");
        assertThat(entry.mappable()).isTrue();
        assertThat(entry.description()).startsWith("The product does not neutralize");
    }

    @Test
    void keepsNamesExactlyAsTheCatalogueHasThem() {
        // Renamed in CWE 4.16/4.17: the 4.17 name, which CSAF's test 6.1.11 expects.
        assertThat(WEAKNESSES.requireWeakness("CWE-1039").name())
                .isEqualTo("Inadequate Detection or Handling of Adversarial Input Perturbations in Automated"
                        + " Recognition Mechanism");
        assertThat(WEAKNESSES.requireWeakness("CWE-89").name())
                .isEqualTo("Improper Neutralization of Special Elements used in an SQL Command ('SQL Injection')");
        // New in 4.16/4.17: known by name, with no description.
        assertThat(WEAKNESSES.requireWeakness("CWE-1427").description()).isNull();
        // A trailing space in the 4.15 XML is trimmed, as the reference validator does.
        assertThat(WEAKNESSES.find("CWE-280").orElseThrow().name()).doesNotEndWith(" ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "CWE-", "CWE-abc", "CWE79x", "-79", "CWE-1234567", "79; drop table"})
    void findsNothingForAMalformedId(String id) {
        assertThat(WEAKNESSES.find(id)).isEmpty();
    }

    @Test
    void findsCategoriesAndViewsButDoesNotLetThemBeMapped() {
        assertThat(WEAKNESSES.find("CWE-16").orElseThrow().kind()).isEqualTo(CweKind.CATEGORY);
        assertThat(WEAKNESSES.find("CWE-1003").orElseThrow().kind()).isEqualTo(CweKind.VIEW);
        assertThat(WEAKNESSES.find("CWE-16").orElseThrow().mappable()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            CWE-16       | CWE-16 is a category, not a weakness: users pick CWEs from weaknesses; categories and views are not for mapping
            1003         | CWE-1003 is a view, not a weakness: users pick CWEs from weaknesses; categories and views are not for mapping
            CWE-999999   | CWE-999999 is not in the CWE catalogue (CWE 4.17)
            CWE-0        | CWE-0 is not in the CWE catalogue (CWE 4.17)
            XSS          | must be a CWE id such as CWE-79
            CWE-3        | CWE-3 is a category, not a weakness: users pick CWEs from weaknesses; categories and views are not for mapping
            """)
    void refusesToMapWhatIsNotAWeakness(String id, String message) {
        assertThatThrownBy(() -> WEAKNESSES.requireWeakness(id))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("cwe");
                            assertThat(p.message()).isEqualTo(message);
                        }));
    }

    @Test
    void refusesDeprecatedWeaknesses() {
        CweEntry deprecated = WEAKNESSES.search("DEPRECATED", 100).stream()
                .filter(e -> e.kind() == CweKind.WEAKNESS && e.status().equals("Deprecated"))
                .findFirst()
                .orElseThrow();
        assertThat(deprecated.mappable()).isFalse();

        assertThatThrownBy(() -> WEAKNESSES.requireWeakness(deprecated.id()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.getMessage())
                                .contains(
                                        deprecated.id() + " is a deprecated weakness and may not be used for mapping"));
    }

    @Test
    void everyWeaknessThatIsNotDeprecatedCanBeMapped() {
        for (int number = 1; number <= 2000; number++) {
            WEAKNESSES.find(String.valueOf(number)).ifPresent(entry -> {
                boolean expected =
                        entry.kind() == CweKind.WEAKNESS && !entry.status().equals("Deprecated");
                assertThat(entry.mappable()).as(entry.id()).isEqualTo(expected);
            });
        }
    }

    @Test
    void ranksTheExactIdFirstThenIdsStartingWithIt() {
        List<CweEntry> hits = WEAKNESSES.search("79", 10);

        assertThat(hits.getFirst().id()).isEqualTo("CWE-79");
        assertThat(hits).extracting(CweEntry::id).contains("CWE-790", "CWE-791");
        assertThat(WEAKNESSES.search("CWE-79", 1)).extracting(CweEntry::id).containsExactly("CWE-79");
        assertThat(WEAKNESSES.search("cwe-79", 1)).extracting(CweEntry::id).containsExactly("CWE-79");
    }

    @Test
    void ranksNamesStartingWithTheTextBeforeNamesContainingItBeforeNamesWithItsWords() {
        String text = "improper neutralization";
        List<CweEntry> hits = WEAKNESSES.search(text, 100);

        List<Integer> tiers = hits.stream()
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .map(name -> name.startsWith(text) ? 0 : name.contains(text) ? 1 : 2)
                .toList();
        assertThat(tiers).isSorted().contains(0, 1, 2);
        assertThat(hits)
                .allSatisfy(e -> assertThat(e.name().toLowerCase(Locale.ROOT)).contains("improper", "neutralization"));
    }

    @Test
    void findsNamesByAllTheirWordsInAnyOrder() {
        List<CweEntry> hits = WEAKNESSES.search("scripting cross-site", 5);

        assertThat(hits).extracting(CweEntry::id).contains("CWE-79");
    }

    @Test
    void putsMappableWeaknessesBeforeCategoriesOfTheSameRank() {
        List<CweEntry> hits = WEAKNESSES.search("injection", 100);

        assertThat(hits).isNotEmpty();
        // Within the names containing the word, the mappable ones come first.
        List<CweEntry> containing = hits.stream()
                .filter(e -> !e.name().toLowerCase(Locale.ROOT).startsWith("injection"))
                .toList();
        int firstUnmappable = containing.stream()
                .filter(e -> !e.mappable())
                .findFirst()
                .map(containing::indexOf)
                .orElse(containing.size());
        assertThat(containing.subList(firstUnmappable, containing.size()))
                .allSatisfy(e -> assertThat(e.mappable()).isFalse());
    }

    @Test
    void limitsResultsAndAnswersNothingForBlankText() {
        assertThat(WEAKNESSES.search("a", 7)).hasSize(7);
        assertThat(WEAKNESSES.search("   ", 10)).isEmpty();
        assertThat(WEAKNESSES.search("no such weakness xyzzy", 10)).isEmpty();
    }

    @Test
    void refusesBadLimitsAndOverlongText() {
        assertThatThrownBy(() -> WEAKNESSES.search("x".repeat(201), 0))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.Problem::field)
                                .containsExactly("q", "limit"));
        assertThatThrownBy(() -> WEAKNESSES.search("xss", 101)).isInstanceOf(InvalidInputException.class);
    }
}
