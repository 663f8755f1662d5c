package org.koban.server.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.koban.server.catalog.Lifecycle;
import org.koban.server.catalog.ProductVersionCommand;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.Validation;

class CatalogRulesUnitTest {

    private final Validation v = new Validation("products[3].versions[0].");

    private CatalogRules.VersionData check(ProductVersionCommand c) {
        return CatalogRules.version(v, UnaryOperator.identity(), c);
    }

    @Test
    void acceptsAVersionOnTheMarketAndNormalisesIt() {
        var data = check(new ProductVersionCommand(
                " 2.1.0 ", "on market", "2024-03-01", "", " ", null, List.of("GW-100-EU", " ", "GW-100-US")));
        assertThat(v.problems()).isEmpty();
        assertThat(data)
                .isEqualTo(new CatalogRules.VersionData(
                        "2.1.0",
                        Lifecycle.ON_MARKET,
                        LocalDate.of(2024, 3, 1),
                        null,
                        null,
                        null,
                        List.of("GW-100-EU", "GW-100-US")));
    }

    @Test
    void requiresAReleaseDateOnTheMarketAndAnEndOfSupportDateAtTheEnd() {
        check(new ProductVersionCommand("1", "ON_MARKET", null, null, null, null, null));
        check(new ProductVersionCommand("2", "END_OF_SUPPORT", "2020-01-01", null, null, null, null));
        assertThat(v.problems())
                .extracting(InvalidInputException.Problem::field, InvalidInputException.Problem::message)
                .containsExactly(
                        tuple("products[3].versions[0].releaseDate", "is required for a version on the market"),
                        tuple(
                                "products[3].versions[0].endOfSupportDate",
                                "is required for a version at end of support"));
    }

    @Test
    void refusesAnEndOfSupportBeforeTheRelease() {
        assertThat(check(
                        new ProductVersionCommand("1", "END_OF_SUPPORT", "2024-03-01", "2023-01-01", null, null, null)))
                .isNull();
        assertThat(v.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("products[3].versions[0].endOfSupportDate");
            assertThat(p.message()).contains("must not be before the release date (2024-03-01)");
        });
    }

    @Test
    void refusesAnEndOfSupportDateWhileInDevelopment() {
        check(new ProductVersionCommand("1", "IN_DEVELOPMENT", null, "2030-01-01", null, null, null));
        assertThat(v.problems())
                .extracting(InvalidInputException.Problem::message)
                .containsExactly("must be empty while the version is in development");
    }

    @Test
    void reportsEveryProblemOfAVersionAtOnce() {
        check(new ProductVersionCommand(
                "", "SOLD_OUT", "2024-02-30", "soon", "cpe:2.3:h", "npm/left-pad", List.of("A;B", "C", "C")));
        assertThat(v.problems())
                .extracting(InvalidInputException.Problem::field)
                .containsExactly(
                        "products[3].versions[0].version",
                        "products[3].versions[0].lifecycle",
                        "products[3].versions[0].releaseDate",
                        "products[3].versions[0].endOfSupportDate",
                        "products[3].versions[0].cpe",
                        "products[3].versions[0].purl",
                        "products[3].versions[0].modelNumbers[0]",
                        "products[3].versions[0].modelNumbers[2]");
    }

    @Test
    void namesFieldsAsTheCsvColumns() {
        var csv = new Validation("row 12, column ");
        CatalogRules.version(
                csv,
                ImportDocument.CSV_NAMES,
                new ProductVersionCommand("1", "ON_MARKET", "2024-01-01", null, null, "not a purl", null));
        assertThat(csv.problems())
                .extracting(InvalidInputException.Problem::field)
                .containsExactly("row 12, column purl");
    }
}
