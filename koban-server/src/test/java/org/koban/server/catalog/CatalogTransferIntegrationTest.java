package org.koban.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.koban.server.access.Actor;
import org.koban.server.access.Role;
import org.koban.server.audit.AuditLog;
import org.koban.server.audit.AuditQuery;
import org.koban.server.organisation.ProductionLineView;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.PageQuery;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@KobanIntegrationTest
class CatalogTransferIntegrationTest {

    static final String HEADER = "product_code,product_name,line,family,product_description,version,release_date,"
            + "lifecycle,end_of_support_date,cpe,purl,model_numbers\n";

    @Autowired
    CatalogTransfer transfer;

    @Autowired
    Catalog catalog;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditLog audit;

    private final Actor admin = Actor.system();

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private String json(String family, String product, String line) {
        String p = product.toLowerCase();
        return """
                {"format": "koban-catalog", "formatVersion": 1,
                 "families": [{"code": "%1$s", "name": "Gateway series", "description": ""}],
                 "products": [{"code": "%2$s", "name": "Industrial gateway", "line": "%3$s", "family": "%1$s",
                               "description": "",
                               "versions": [
                                 {"version": "2.1.0", "releaseDate": "2024-03-01", "lifecycle": "ON_MARKET",
                                  "endOfSupportDate": null, "cpe": "cpe:2.3:h:example:%4$s:2.1.0:*:*:*:*:*:*:*",
                                  "purl": "pkg:generic/example/%4$s@2.1.0", "modelNumbers": ["%2$s-EU", "%2$s-US"]},
                                 {"version": "3.0.0", "lifecycle": "IN_DEVELOPMENT"}]}]}
                """.formatted(family, product, line, p);
    }

    @Test
    void importsJsonAndReimportingItChangesNothing() {
        ProductionLineView line = fixtures.line();
        String family = Fixtures.unique("GW");
        String code = Fixtures.unique("GW-100");
        String file = json(family, code, line.code());

        ImportResult first = transfer.importDocument(admin, text(file), CatalogTransfer.Format.JSON, false);
        assertThat(first).isEqualTo(new ImportResult(false, 1, 0, 1, 0, 2, 0, 0));
        ProductView product = catalog.products(admin, PageQuery.of(code, 0, 10), ProductFilter.none())
                .items()
                .get(0);
        assertThat(product.familyCode()).isEqualTo(family);
        assertThat(product.lineId()).isEqualTo(line.id());
        assertThat(catalog.versions(admin, product.id(), PageQuery.all()).items())
                .extracting(ProductVersionView::version, ProductVersionView::lifecycle)
                .containsExactlyInAnyOrder(
                        org.assertj.core.api.Assertions.tuple("2.1.0", Lifecycle.ON_MARKET),
                        org.assertj.core.api.Assertions.tuple("3.0.0", Lifecycle.IN_DEVELOPMENT));
        long auditEntries = audit.list(admin, new AuditQuery(PageQuery.of("catalog.imported", 0, 1), "catalog"))
                .total();

        ImportResult again = transfer.importDocument(admin, text(file), CatalogTransfer.Format.JSON, false);
        assertThat(again).isEqualTo(new ImportResult(false, 0, 0, 0, 0, 0, 0, 4));
        assertThat(audit.list(admin, new AuditQuery(PageQuery.of("catalog.imported", 0, 1), "catalog"))
                        .total())
                .isEqualTo(auditEntries);
    }

    @Test
    void updatesChangedRecordsAndAuditsTheirStateBeforeAndAfter() {
        ProductionLineView line = fixtures.line();
        String family = Fixtures.unique("GW");
        String code = Fixtures.unique("GW-200");
        transfer.importDocument(admin, text(json(family, code, line.code())), CatalogTransfer.Format.JSON, false);
        String changed = json(family, code, line.code())
                .replace("Industrial gateway", "Industrial gateway II")
                .replace("\"IN_DEVELOPMENT\"", "\"ON_MARKET\", \"releaseDate\": \"2025-01-01\"");

        ImportResult result = transfer.importDocument(admin, text(changed), CatalogTransfer.Format.JSON, false);

        assertThat(result).isEqualTo(new ImportResult(false, 0, 0, 0, 1, 0, 1, 2));
        var entry = audit.list(admin, new AuditQuery(PageQuery.of("catalog.imported", 0, 1), "catalog"))
                .items()
                .get(0);
        assertThat(entry.before()).contains("Industrial gateway\"").contains("IN_DEVELOPMENT");
        assertThat(entry.after()).contains("Industrial gateway II").contains("2025-01-01");
    }

    @Test
    void dryRunReportsTheCountsAndWritesNothing() {
        ProductionLineView line = fixtures.line();
        String code = Fixtures.unique("DRY");
        ImportResult result = transfer.importDocument(
                admin, text(json(Fixtures.unique("F"), code, line.code())), CatalogTransfer.Format.JSON, true);
        assertThat(result).isEqualTo(new ImportResult(true, 1, 0, 1, 0, 2, 0, 0));
        assertThat(catalog.products(admin, PageQuery.of(code, 0, 10), ProductFilter.none())
                        .total())
                .isZero();
    }

    @Test
    void refusesTheWholeFileAndReportsEveryProblemWithItsJsonPath() {
        ProductionLineView line = fixtures.line();
        String good = Fixtures.unique("OK");
        String file = """
                {"format": "koban-catalog", "formatVersion": 1, "families": [],
                 "products": [
                   {"code": "%1$s", "name": "Fine", "line": "%2$s", "versions": [
                      {"version": "1.0", "lifecycle": "IN_DEVELOPMENT"}]},
                   {"code": "%1$s", "name": "Twice", "line": "%2$s"},
                   {"code": "%3$s", "name": "", "line": "NO-SUCH-LINE", "family": "NO-SUCH-FAMILY", "colour": "red"},
                   {"code": "%4$s", "name": "Bad versions", "line": "%2$s", "versions": [
                      {"version": "1.0", "lifecycle": "ON_MARKET", "releaseDate": "2024-02-30",
                       "purl": "generic/acme/x@1"},
                      {"version": "1.0", "lifecycle": "RETIRED", "cpe": "cpe:2.3:h:acme:x y:1:*:*:*:*:*:*:*"}]}]}
                """.formatted(good, line.code(), Fixtures.unique("P"), Fixtures.unique("P"));

        assertThatThrownBy(() -> transfer.importDocument(admin, text(file), CatalogTransfer.Format.JSON, false))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.Problem::field)
                                .containsExactly(
                                        "products[2].colour",
                                        "products[1].code",
                                        "products[2].name",
                                        "products[2].line",
                                        "products[2].family",
                                        "products[3].versions[0].releaseDate",
                                        "products[3].versions[0].purl",
                                        "products[3].versions[1].lifecycle",
                                        "products[3].versions[1].cpe"));
        assertThat(catalog.products(admin, PageQuery.of(good, 0, 10), ProductFilter.none())
                        .total())
                .isZero();
    }

    @Test
    void refusesMalformedPurlWithItsCsvRowAndColumn() {
        ProductionLineView line = fixtures.line();
        String code = Fixtures.unique("CSV");
        String csv = HEADER
                + code + ",Gateway," + line.code() + ",,,1.0,2024-01-01,ON_MARKET,,,pkg:generic/example/x@1.0,\n"
                + code + ",Gateway," + line.code() + ",,,1.1,2024-02-01,ON_MARKET,,,not-a-purl,\n"
                + code + ",Renamed," + line.code() + ",,,1.0,2024-01-01,ON_MARKET,,,,\n";
        assertThatThrownBy(() -> transfer.importDocument(admin, text(csv), CatalogTransfer.Format.CSV, false))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.Problem::field)
                                .containsExactly(
                                        "row 4, column product_name", "row 3, column purl", "row 4, column version"));
        assertThat(catalog.products(admin, PageQuery.of(code, 0, 10), ProductFilter.none())
                        .total())
                .isZero();
    }

    @Test
    void refusesAnUnknownCsvHeaderAndTooLongFields() {
        assertThatThrownBy(() ->
                        transfer.importDocument(admin, text("code,name\nX,Y\n"), CatalogTransfer.Format.CSV, true))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.Problem::field)
                                .containsExactly("row 1"));
        ProductionLineView line = fixtures.line();
        String csv = HEADER + Fixtures.unique("LONG") + "," + "n".repeat(201) + "," + line.code() + ",,,"
                + "v".repeat(101) + ",,IN_DEVELOPMENT,,,,\n";
        assertThatThrownBy(() -> transfer.importDocument(admin, text(csv), CatalogTransfer.Format.CSV, true))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(
                                        InvalidInputException.Problem::field, InvalidInputException.Problem::message)
                                .containsExactly(
                                        org.assertj.core.api.Assertions.tuple(
                                                "row 2, column product_name",
                                                "must be at most 200 characters (it has 201)"),
                                        org.assertj.core.api.Assertions.tuple(
                                                "row 2, column version",
                                                "must be at most 100 characters (it has 101)")));
    }

    @Test
    void importsCsvCreatingFamiliesNamedOnlyByCode() {
        ProductionLineView line = fixtures.line();
        String code = Fixtures.unique("CSV");
        String family = Fixtures.unique("SER");
        String csv = HEADER
                + code + ",Gateway," + line.code() + "," + family + ",Rugged,1.0,2024-01-01,ON_MARKET,,"
                + "cpe:2.3:h:example:gw:1.0:*:*:*:*:*:*:*,pkg:generic/example/gw@1.0,A-1;A-2\n"
                + Fixtures.unique("BARE") + ",No versions yet," + line.code() + ",,,,,,,,,\n";
        ImportResult result = transfer.importDocument(admin, text(csv), CatalogTransfer.Format.CSV, false);
        assertThat(result).isEqualTo(new ImportResult(false, 1, 0, 2, 0, 1, 0, 0));
        ProductView product = catalog.products(admin, PageQuery.of(code, 0, 10), ProductFilter.none())
                .items()
                .get(0);
        assertThat(product.familyName()).isEqualTo(family);
        assertThat(catalog.versions(admin, product.id(), PageQuery.all())
                        .items()
                        .get(0)
                        .modelNumbers())
                .containsExactly("A-1", "A-2");
        assertThat(transfer.importDocument(admin, text(csv), CatalogTransfer.Format.CSV, false)
                        .unchanged())
                .isEqualTo(3);
    }

    @Test
    void lineEngineerImportsOnlyIntoTheirOwnLines() {
        ProductionLineView own = fixtures.line();
        ProductionLineView other = fixtures.line();
        ProductView foreign = fixtures.product(other);
        Actor engineer = fixtures.actor(Role.LINE_ENGINEER, own);
        String mine = Fixtures.unique("MINE");
        String csv = HEADER
                + mine + ",Mine," + own.code() + ",,,1.0,,IN_DEVELOPMENT,,,,\n"
                + Fixtures.unique("THEIRS") + ",Theirs," + other.code() + ",,,1.0,,IN_DEVELOPMENT,,,,\n"
                + foreign.code() + ",Taken over," + own.code() + ",,,,,,,,,\n"
                + Fixtures.unique("NOWHERE") + ",Nowhere,NO-SUCH-LINE,,,,,,,,,\n";
        assertThatThrownBy(() -> transfer.importDocument(engineer, text(csv), CatalogTransfer.Format.CSV, false))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(
                                        InvalidInputException.Problem::field, InvalidInputException.Problem::message)
                                .containsExactly(
                                        org.assertj.core.api.Assertions.tuple(
                                                "row 3, column line",
                                                "'" + other.code() + "' is not a production line you may change"),
                                        org.assertj.core.api.Assertions.tuple(
                                                "row 4, column product_code",
                                                "is already used by a product of a production line you may not change"),
                                        org.assertj.core.api.Assertions.tuple(
                                                "row 5, column line",
                                                "'NO-SUCH-LINE' is not a production line you may change")));
        assertThat(catalog.product(admin, foreign.id()).name()).isEqualTo(foreign.name());
        assertThat(catalog.products(admin, PageQuery.of(mine, 0, 10), ProductFilter.none())
                        .total())
                .isZero();

        String onlyMine = HEADER + mine + ",Mine," + own.code() + ",,,1.0,,IN_DEVELOPMENT,,,,\n";
        assertThat(transfer.importDocument(engineer, text(onlyMine), CatalogTransfer.Format.CSV, false)
                        .productsCreated())
                .isEqualTo(1);
    }

    @Test
    void lineEngineerMayNotChangeAnExistingFamilyByImport() {
        ProductionLineView own = fixtures.line();
        ProductFamilyView family = fixtures.family();
        Actor engineer = fixtures.actor(Role.LINE_ENGINEER, own);
        String file = json(family.code(), Fixtures.unique("P"), own.code());
        assertThatThrownBy(() -> transfer.importDocument(engineer, text(file), CatalogTransfer.Format.JSON, true))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.Problem::field)
                                .containsExactly("families[0].name"));
    }

    @Test
    void exportThenImportIsANoOpInJsonAndCsv() {
        // A fresh line-scoped view keeps the round trip to this test's records.
        ProductionLineView line = fixtures.line();
        ProductFamilyView family = fixtures.family();
        ProductView product = fixtures.product(line, family);
        fixtures.version(product, "1.0");
        catalog.createVersion(
                admin,
                product.id(),
                new ProductVersionCommand(
                        "0.9", "END_OF_SUPPORT", "2020-01-01", "2023-12-31", null, null, List.of("OLD-1", "OLD-2")));
        fixtures.product(line);
        Actor engineer = fixtures.actor(Role.LINE_ENGINEER, line);

        for (CatalogTransfer.Format format : CatalogTransfer.Format.values()) {
            var out = new ByteArrayOutputStream();
            transfer.export(engineer, format, out);
            byte[] exported = out.toByteArray();
            ImportResult result = transfer.importDocument(engineer, new ByteArrayInputStream(exported), format, false);
            int familyRecords = format == CatalogTransfer.Format.JSON ? 1 : 0;
            assertThat(result)
                    .as(format + " round trip of\n" + new String(exported, StandardCharsets.UTF_8))
                    .isEqualTo(new ImportResult(false, 0, 0, 0, 0, 0, 0, familyRecords + 2 + 2));
        }
    }

    @Test
    void csvExportDisarmsSpreadsheetFormulasAndStillRoundTrips() {
        ProductionLineView line = fixtures.line();
        String code = org.koban.server.support.Fixtures.unique("XL");
        catalog.createProduct(
                admin,
                new org.koban.server.catalog.ProductCommand(
                        code, "=HYPERLINK(\"http://evil.example\",\"click\")", "@SUM(1+1)", line.id(), null));
        Actor engineer = fixtures.actor(Role.LINE_ENGINEER, line);
        var out = new ByteArrayOutputStream();
        transfer.export(engineer, CatalogTransfer.Format.CSV, out);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).contains(",\"'=HYPERLINK(").contains(",'@SUM(1+1),").doesNotContain(",=HYPERLINK");
        ImportResult result = transfer.importDocument(
                engineer, new ByteArrayInputStream(out.toByteArray()), CatalogTransfer.Format.CSV, false);
        assertThat(result.unchanged()).isEqualTo(1);
        assertThat(result.productsUpdated()).isZero();
    }

    @Test
    void refusesFilesLargerThanFiftyMegabytes() {
        InputStream huge = new InputStream() {
            private long left = 51L * 1024 * 1024;

            @Override
            public int read() {
                return left-- > 0 ? ' ' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) return -1;
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) ' ');
                left -= n;
                return n;
            }
        };
        assertThatThrownBy(() -> transfer.importDocument(admin, huge, CatalogTransfer.Format.JSON, true))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .satisfies(p -> assertThat(p.message()).contains("larger than 50 MB")));
    }

    @Test
    void reportsMalformedJsonWithItsPosition() {
        assertThatThrownBy(() -> transfer.importDocument(
                        admin,
                        text("{\"format\": \"koban-catalog\",\n \"products\": [ {\"code\": }"),
                        CatalogTransfer.Format.JSON,
                        true))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.Problem::field)
                                .first()
                                .asString()
                                .startsWith("line 2, column"));
    }
}
