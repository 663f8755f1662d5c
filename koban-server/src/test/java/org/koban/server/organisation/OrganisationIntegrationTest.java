package org.koban.server.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.koban.server.access.Actor;
import org.koban.server.access.Role;
import org.koban.server.audit.AuditLog;
import org.koban.server.audit.AuditQuery;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.NotFoundException;
import org.koban.server.shared.PageQuery;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

@KobanIntegrationTest
class OrganisationIntegrationTest {

    @Autowired
    Organisation organisation;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditLog audit;

    @Autowired
    MockMvc mvc;

    @Test
    void createsAndUpdatesASiteAndAuditsBoth() {
        String code = Fixtures.unique("TW");
        SiteView site = organisation.createSite(
                Actor.system(), new SiteCommand(code, "Hsinchu Factory", "tw", "Hsinchu", "SMT and final assembly"));
        assertThat(site.country()).isEqualTo("TW");
        SiteView updated = organisation.updateSite(
                Actor.system(), site.id(), new SiteCommand(code, "Hsinchu Plant", "TW", "Hsinchu", ""));
        assertThat(updated.name()).isEqualTo("Hsinchu Plant");
        var entries = audit.list(
                Actor.system(), new AuditQuery(new PageQuery(site.id().toString(), 0, 10), "site"));
        assertThat(entries.items()).extracting(e -> e.action()).containsExactly("site.updated", "site.created");
        assertThat(entries.items().get(0).before()).contains("Hsinchu Factory");
        assertThat(entries.items().get(0).after()).contains("Hsinchu Plant");
    }

    @Test
    void reportsEveryProblemOfASiteAtOnceAndStoresNothing() {
        long before =
                organisation.sites(Actor.system(), PageQuery.of(null, 0, 1)).total();
        assertThatThrownBy(() -> organisation.createSite(
                        Actor.system(), new SiteCommand("bad code!", " ", "XX", "", "x".repeat(4001))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.Problem::field)
                                .containsExactlyInAnyOrder("code", "name", "country", "description"));
        assertThat(organisation.sites(Actor.system(), PageQuery.of(null, 0, 1)).total())
                .isEqualTo(before);
    }

    @Test
    void refusesDuplicateCodesWhateverTheirCase() {
        var site = fixtures.site();
        assertThatThrownBy(() -> organisation.createSite(
                        Actor.system(), new SiteCommand(site.code().toLowerCase(), "Other", "JP", "", "")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        new InvalidInputException.Problem("code", "is already used by another site")));
    }

    @Test
    void lineScopedPeopleSeeOnlyTheirLinesAndTheirSites() {
        var siteA = fixtures.site();
        var lineA = fixtures.line(siteA);
        var lineA2 = fixtures.line(siteA);
        var lineB = fixtures.line();
        for (Role role : new Role[] {Role.LINE_ENGINEER, Role.VIEWER}) {
            Actor actor = fixtures.actor(role, lineA);
            assertThat(organisation.visibleLines(actor))
                    .extracting(ProductionLineView::id)
                    .containsExactly(lineA.id());
            assertThat(organisation.lines(actor, PageQuery.all(), null).total()).isEqualTo(1);
            assertThat(organisation.sites(actor, PageQuery.all()).items())
                    .extracting(SiteView::id)
                    .containsExactly(siteA.id());
            assertThat(organisation.site(actor, siteA.id()).lineCount())
                    .as("the other line of the site is not counted either")
                    .isEqualTo(1);
            assertThat(organisation.line(actor, lineA.id()).id()).isEqualTo(lineA.id());
            assertThatThrownBy(() -> organisation.line(actor, lineB.id())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> organisation.line(actor, lineA2.id())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> organisation.site(actor, lineB.siteId())).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void onlyAdminsChangeTheStructure() {
        var line = fixtures.line();
        for (Role role : Role.values()) {
            Actor actor = fixtures.actor(role, line);
            var command = new SiteCommand(Fixtures.unique("S"), "Site", "DE", "", "");
            if (role == Role.ADMIN) {
                assertThat(organisation.createSite(actor, command).code()).isEqualTo(command.code());
            } else {
                assertThatThrownBy(() -> organisation.createSite(actor, command))
                        .isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> organisation.createLine(
                                actor, new ProductionLineCommand(line.siteId(), Fixtures.unique("L"), "L", "")))
                        .isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> organisation.updateLine(
                                actor, line.id(), new ProductionLineCommand(line.siteId(), line.code(), "Renamed", "")))
                        .isInstanceOf(AccessDeniedException.class);
            }
        }
    }

    @Test
    void searchesAndPagesLines() {
        var site = fixtures.site();
        for (int i = 0; i < 5; i++) fixtures.line(site);
        var page = organisation.lines(Actor.system(), new PageQuery(site.code(), 1, 2), null);
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.items()).hasSize(2);
        assertThat(page.page()).isEqualTo(1);
        assertThat(organisation
                        .lines(Actor.system(), new PageQuery("%", 0, 5), site.id())
                        .total())
                .as("a % typed by the user is not a wildcard")
                .isZero();
    }

    @Test
    void apiListsPagedAndRefusesWithProblemDetails() throws Exception {
        var lineA = fixtures.line();
        var lineB = fixtures.line();
        String admin = fixtures.token(fixtures.user(Role.ADMIN));
        String engineer = fixtures.token(fixtures.user(Role.LINE_ENGINEER, lineA));

        mvc.perform(get("/api/v1/lines").param("size", "1").header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(1))
                .andExpect(jsonPath("$.total").isNumber());
        mvc.perform(get("/api/v1/lines").header("Authorization", "Bearer " + engineer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(lineA.id().toString()));
        mvc.perform(get("/api/v1/lines/" + lineB.id()).header("Authorization", "Bearer " + engineer))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/sites")
                        .header("Authorization", "Bearer " + engineer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"X1\",\"name\":\"X\",\"country\":\"JP\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/sites")
                        .header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"\",\"name\":\"\",\"country\":\"ZZ\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[?(@.field == 'country')].message").exists());
        mvc.perform(post("/api/v1/sites")
                        .header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"OK1\",\"name\":\"X\",\"country\":\"JP\",\"owner\":\"me\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("owner"));
        String code = Fixtures.unique("API");
        mvc.perform(post("/api/v1/sites")
                        .header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + code + "\",\"name\":\"API site\",\"country\":\"DE\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.country").value("DE"));
    }
}
