package org.koban.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.koban.server.access.Actor;
import org.koban.server.audit.AuditLog;
import org.koban.server.audit.AuditQuery;
import org.koban.server.organisation.ProductionLineView;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.NotFoundException;
import org.koban.server.shared.PageQuery;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@KobanIntegrationTest
class CatalogIntegrationTest {

    @Autowired
    Catalog catalog;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditLog audit;

    private final Actor admin = Actor.system();

    @Test
    void createsAProductWithAFamilyAndVersionsAndAuditsEachChange() {
        ProductionLineView line = fixtures.line();
        ProductFamilyView family = fixtures.family();
        String code = Fixtures.unique("GW");
        ProductView product = catalog.createProduct(
                admin, new ProductCommand(code, " Industrial gateway ", "Rugged", line.id(), family.id()));
        ProductVersionView version = catalog.createVersion(admin, product.id(), Fixtures.onMarket(code, "2.1.0"));

        ProductView read = catalog.product(admin, product.id());
        assertThat(read.name()).isEqualTo("Industrial gateway");
        assertThat(read.lineCode()).isEqualTo(line.code());
        assertThat(read.familyCode()).isEqualTo(family.code());
        assertThat(read.versionCount()).isEqualTo(1);
        assertThat(version.lifecycle()).isEqualTo(Lifecycle.ON_MARKET);
        assertThat(version.releaseDate()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(version.modelNumbers()).containsExactly(code + "-EU");
        assertThat(audit.list(admin, new AuditQuery(PageQuery.of(product.id().toString(), 0, 10), ""))
                        .items())
                .extracting(e -> e.action())
                .containsExactly("product.created");
        assertThat(audit.list(admin, new AuditQuery(PageQuery.of(version.id().toString(), 0, 10), ""))
                        .items())
                .extracting(e -> e.action())
                .containsExactly("product-version.created");
    }

    @Test
    void refusesADuplicateProductCodeWhateverItsCase() {
        ProductView product = fixtures.product(fixtures.line());
        ProductionLineView other = fixtures.line();
        assertThatThrownBy(() -> catalog.createProduct(
                        admin, new ProductCommand(product.code().toLowerCase(), "Copy", "", other.id(), null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("code: is already used by another product");
    }

    @Test
    void reportsEveryProblemOfAProductAtOnce() {
        assertThatThrownBy(() -> catalog.createProduct(admin, new ProductCommand("bad code!", "", "", null, null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.Problem::field)
                                .containsExactly("code", "name", "lineId"));
    }

    @Test
    void refusesASecondVersionWithTheSameStringAndMalformedIdentifiers() {
        ProductView product = fixtures.product(fixtures.line());
        fixtures.version(product, "1.0");
        assertThatThrownBy(() -> catalog.createVersion(
                        admin,
                        product.id(),
                        new ProductVersionCommand("1.0", "ON_MARKET", "2024-01-01", null, "cpe:2.3:h:x", "nope", null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.Problem::field)
                                .containsExactly("cpe", "purl"));
        assertThatThrownBy(() -> catalog.createVersion(admin, product.id(), Fixtures.onMarket(product.code(), "1.0")))
                .hasMessageContaining("version: already exists for this product");
    }

    @Test
    void updatesAVersionThroughItsLifecycle() {
        ProductView product = fixtures.product(fixtures.line());
        ProductVersionView version = fixtures.version(product, "1.0");
        ProductVersionView ended = catalog.updateVersion(
                admin,
                version.id(),
                new ProductVersionCommand("1.0", "END_OF_SUPPORT", "2024-03-01", "2026-03-01", null, null, List.of()));
        assertThat(ended.lifecycle()).isEqualTo(Lifecycle.END_OF_SUPPORT);
        assertThat(ended.endOfSupportDate()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(ended.cpe()).isNull();
    }

    @Test
    void deletesAProductOnlyOnceItHasNoVersions() {
        ProductView product = fixtures.product(fixtures.line());
        ProductVersionView version = fixtures.version(product, "1.0");
        assertThatThrownBy(() -> catalog.deleteProduct(admin, product.id()))
                .hasMessageContaining("still has 1 version(s)");
        catalog.deleteVersion(admin, version.id());
        catalog.deleteProduct(admin, product.id());
        assertThatThrownBy(() -> catalog.product(admin, product.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deletesAFamilyOnlyOnceNoProductBelongsToIt() {
        ProductFamilyView family = fixtures.family();
        ProductView product = fixtures.product(fixtures.line(), family);
        assertThatThrownBy(() -> catalog.deleteFamily(admin, family.id())).hasMessageContaining("still has 1 product");
        catalog.updateProduct(
                admin, product.id(), new ProductCommand(product.code(), product.name(), "", product.lineId(), null));
        catalog.deleteFamily(admin, family.id());
        assertThatThrownBy(() -> catalog.family(admin, family.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void searchesByCodeNameModelNumberAndIdentifierAndPages() {
        ProductionLineView line = fixtures.line();
        String marker = Fixtures.unique("srch");
        for (int i = 0; i < 3; i++) {
            catalog.createProduct(admin, new ProductCommand(marker + "-" + i, "Searchable " + i, "", line.id(), null));
        }
        ProductView withVersion = fixtures.product(line);
        catalog.createVersion(
                admin,
                withVersion.id(),
                new ProductVersionCommand("9", "IN_DEVELOPMENT", null, null, null, null, List.of(marker + "-MODEL")));

        var first = catalog.products(admin, new PageQuery(marker, 0, 2), ProductFilter.none());
        assertThat(first.total()).isEqualTo(4);
        assertThat(first.items()).hasSize(2);
        assertThat(first.hasNext()).isTrue();
        var second = catalog.products(admin, new PageQuery(marker, 1, 2), ProductFilter.none());
        assertThat(second.items()).hasSize(2).doesNotContainAnyElementsOf(first.items());
        assertThat(catalog.products(admin, new PageQuery(marker + "-MODEL", 0, 10), ProductFilter.none())
                        .items())
                .extracting(ProductView::id)
                .containsExactly(withVersion.id());
    }

    @Test
    void filtersByLineFamilyAndLifecycle() {
        ProductionLineView line = fixtures.line();
        ProductFamilyView family = fixtures.family();
        ProductView inFamily = fixtures.product(line, family);
        ProductView onMarket = fixtures.product(line);
        fixtures.version(onMarket, "1.0");
        fixtures.product(fixtures.line());

        assertThat(catalog.products(admin, PageQuery.all(), new ProductFilter(line.id(), null, null))
                        .items())
                .extracting(ProductView::id)
                .containsExactlyInAnyOrder(inFamily.id(), onMarket.id());
        assertThat(catalog.products(admin, PageQuery.all(), new ProductFilter(null, family.id(), null))
                        .items())
                .extracting(ProductView::id)
                .containsExactly(inFamily.id());
        assertThat(catalog.products(admin, PageQuery.all(), new ProductFilter(line.id(), null, Lifecycle.ON_MARKET))
                        .items())
                .extracting(ProductView::id)
                .containsExactly(onMarket.id());
    }

    @Test
    void summarisesOnlyTheLinesTheActorMaySee() {
        ProductionLineView line = fixtures.line();
        ProductView product = fixtures.product(line);
        fixtures.version(product, "1.0");
        catalog.createVersion(
                admin, product.id(), new ProductVersionCommand("2.0", "IN_DEVELOPMENT", null, null, null, null, null));
        fixtures.version(fixtures.product(fixtures.line()), "1.0");

        Actor engineer = fixtures.actor(org.koban.server.access.Role.LINE_ENGINEER, line);
        assertThat(catalog.summary(engineer)).isEqualTo(new CatalogSummary(1, 2, 1, 1, 0));
        assertThat(catalog.summary(admin).products()).isGreaterThanOrEqualTo(2);
    }
}
