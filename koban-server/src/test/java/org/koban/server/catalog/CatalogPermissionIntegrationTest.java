package org.koban.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.koban.server.access.Actor;
import org.koban.server.access.Role;
import org.koban.server.organisation.ProductionLineView;
import org.koban.server.shared.NotFoundException;
import org.koban.server.shared.PageQuery;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The catalogue's permission matrix, through the service: every role, and a line engineer and a viewer of
 * line A acting on line A and on line B. Records of lines one may not see are "not found".
 */
@KobanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogPermissionIntegrationTest {

    enum Who {
        ADMIN,
        MANAGER,
        ANALYST,
        ENGINEER_A,
        VIEWER_A
    }

    @Autowired
    Catalog catalog;

    @Autowired
    CatalogTransfer transfer;

    @Autowired
    Fixtures fixtures;

    ProductionLineView lineA;
    ProductionLineView lineB;
    ProductView productA;
    ProductView productB;
    ProductVersionView versionA;
    ProductVersionView versionB;
    Map<Who, Actor> actors;

    // Users cost a password hash each: made once for the class; products are made afresh for each test.
    @BeforeAll
    void createLinesAndPeople() {
        lineA = fixtures.line();
        lineB = fixtures.line();
        actors = Map.of(
                Who.ADMIN, fixtures.actor(Role.ADMIN),
                Who.MANAGER, fixtures.actor(Role.PSIRT_MANAGER),
                Who.ANALYST, fixtures.actor(Role.PSIRT_ANALYST),
                Who.ENGINEER_A, fixtures.actor(Role.LINE_ENGINEER, lineA),
                Who.VIEWER_A, fixtures.actor(Role.VIEWER, lineA));
    }

    @BeforeEach
    void createProducts() {
        productA = fixtures.product(lineA);
        productB = fixtures.product(lineB);
        versionA = fixtures.version(productA, "1.0");
        versionB = fixtures.version(productB, "1.0");
    }

    @ParameterizedTest
    @EnumSource(Who.class)
    void everyRoleReadsTheProductsOfItsLines(Who who) {
        Actor actor = actors.get(who);
        assertThat(catalog.product(actor, productA.id()).code()).isEqualTo(productA.code());
        assertThat(catalog.version(actor, versionA.id()).version()).isEqualTo("1.0");
        assertThat(catalog.versions(actor, productA.id(), PageQuery.all()).total())
                .isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"ADMIN, true", "MANAGER, true", "ANALYST, true", "ENGINEER_A, false", "VIEWER_A, false"})
    void onlyOrganisationWideRolesSeeAnotherLinesProducts(Who who, boolean sees) {
        Actor actor = actors.get(who);
        var listed = catalog.products(actor, PageQuery.of(productB.code(), 0, 10), ProductFilter.none());
        assertThat(listed.total()).isEqualTo(sees ? 1 : 0);
        if (sees) {
            assertThat(catalog.product(actor, productB.id()).id()).isEqualTo(productB.id());
            assertThat(catalog.version(actor, versionB.id()).id()).isEqualTo(versionB.id());
        } else {
            assertThatThrownBy(() -> catalog.product(actor, productB.id())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> catalog.version(actor, versionB.id())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> catalog.versions(actor, productB.id(), PageQuery.all()))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @ParameterizedTest
    @CsvSource({"ADMIN, true", "MANAGER, true", "ANALYST, false", "ENGINEER_A, true", "VIEWER_A, false"})
    void onlyAdminsManagersAndTheLinesEngineersEditItsProducts(Who who, boolean allowed) {
        Actor actor = actors.get(who);
        var rename = new ProductCommand(productA.code(), "Renamed by " + who, "", lineA.id(), null);
        var create = new ProductCommand(Fixtures.unique("P"), "New", "", lineA.id(), null);
        var version = Fixtures.onMarket(productA.code(), "2.0-" + who);
        if (allowed) {
            assertThat(catalog.updateProduct(actor, productA.id(), rename).name())
                    .isEqualTo("Renamed by " + who);
            assertThat(catalog.createProduct(actor, create).lineId()).isEqualTo(lineA.id());
            ProductVersionView created = catalog.createVersion(actor, productA.id(), version);
            assertThatCode(() -> catalog.deleteVersion(actor, created.id())).doesNotThrowAnyException();
            assertThat(catalog.canEdit(actor, productA)).isTrue();
        } else {
            assertThatThrownBy(() -> catalog.updateProduct(actor, productA.id(), rename))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> catalog.createProduct(actor, create)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> catalog.createVersion(actor, productA.id(), version))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> catalog.deleteVersion(actor, versionA.id()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(catalog.canEdit(actor, productA)).isFalse();
        }
    }

    @Test
    void lineEngineerCannotChangeAnotherLinesProducts() {
        Actor engineer = actors.get(Who.ENGINEER_A);
        var rename = new ProductCommand(productB.code(), "Taken over", "", lineB.id(), null);
        assertThatThrownBy(() -> catalog.updateProduct(engineer, productB.id(), rename))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> catalog.deleteVersion(engineer, versionB.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> catalog.createVersion(engineer, productB.id(), Fixtures.onMarket("x", "2")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> catalog.createProduct(
                        engineer, new ProductCommand(Fixtures.unique("P"), "On B", "", lineB.id(), null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(catalog.product(Actor.system(), productB.id()).name()).isEqualTo(productB.name());
    }

    @Test
    void movingAProductTakesEditRightsOnBothLines() {
        ProductionLineView lineC = fixtures.line();
        Actor engineerOfA = actors.get(Who.ENGINEER_A);
        Actor engineerOfAAndC = fixtures.actor(Role.LINE_ENGINEER, lineA, lineC);
        assertThatThrownBy(() -> catalog.updateProduct(
                        engineerOfA, productA.id(), new ProductCommand(productA.code(), "x", "", lineB.id(), null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(catalog.updateProduct(
                                engineerOfAAndC,
                                productA.id(),
                                new ProductCommand(productA.code(), productA.name(), "", lineC.id(), null))
                        .lineId())
                .isEqualTo(lineC.id());
    }

    @ParameterizedTest
    @CsvSource({
        "ADMIN, true, true",
        "MANAGER, true, true",
        "ANALYST, false, false",
        "ENGINEER_A, true, false",
        "VIEWER_A, false, false"
    })
    void familiesAreAddedByCatalogueEditorsAndChangedByOrganisationWideOnes(Who who, boolean adds, boolean changes) {
        Actor actor = actors.get(who);
        ProductFamilyView family = fixtures.family();
        var command = new ProductFamilyCommand(Fixtures.unique("F"), "Series", "");
        var rename = new ProductFamilyCommand(family.code(), "Renamed", "");
        if (adds) {
            assertThat(catalog.createFamily(actor, command).name()).isEqualTo("Series");
        } else {
            assertThatThrownBy(() -> catalog.createFamily(actor, command)).isInstanceOf(AccessDeniedException.class);
        }
        if (changes) {
            assertThat(catalog.updateFamily(actor, family.id(), rename).name()).isEqualTo("Renamed");
        } else {
            assertThatThrownBy(() -> catalog.updateFamily(actor, family.id(), rename))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(catalog.canManageFamilies(actor)).isEqualTo(changes);
    }

    @ParameterizedTest
    @CsvSource({"ADMIN, true", "MANAGER, true", "ANALYST, false", "ENGINEER_A, true", "VIEWER_A, false"})
    void onlyCatalogueEditorsImport(Who who, boolean allowed) {
        Actor actor = actors.get(who);
        String csv = "product_code,product_name,line,family,product_description,version,release_date,lifecycle,"
                + "end_of_support_date,cpe,purl,model_numbers\n" + Fixtures.unique("IMP") + ",Imported," + lineA.code()
                + ",,,1.0,,IN_DEVELOPMENT,,,,\n";
        var in = new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
        if (allowed) {
            assertThat(transfer.importDocument(actor, in, CatalogTransfer.Format.CSV, true)
                            .productsCreated())
                    .isEqualTo(1);
        } else {
            assertThatThrownBy(() -> transfer.importDocument(actor, in, CatalogTransfer.Format.CSV, true))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @ParameterizedTest
    @CsvSource({"ADMIN, true", "MANAGER, true", "ANALYST, true", "ENGINEER_A, false", "VIEWER_A, false"})
    void exportsHoldOnlyTheLinesOneMaySee(Who who, boolean seesB) {
        var out = new ByteArrayOutputStream();
        transfer.export(actors.get(who), CatalogTransfer.Format.CSV, out);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).contains(productA.code());
        assertThat(csv.contains(productB.code())).isEqualTo(seesB);
    }
}
