package org.koban.server.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.koban.server.access.Actor;
import org.koban.server.access.Role;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.PageQuery;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/** The parties directory: validation, unique names, all-or-nothing import, and who may see and change it. */
@KobanIntegrationTest
class PartiesIntegrationTest {

    @Autowired
    Parties parties;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    private static PartyCommand coordinator(String name) {
        return new PartyCommand(
                name,
                PartyKind.COORDINATOR,
                "jp",
                "https://www.jpcert.or.jp/",
                "https://www.jpcert.or.jp/.well-known/security.txt",
                List.of(new PartyContact("Vulnerability desk", "vuls@example.jp", "coordination")),
                null,
                "Publishes JVN advisories.");
    }

    @Test
    void aPartyIsCheckedWholeAndNamesAreUnique() {
        Actor analyst = fixtures.actor(Role.PSIRT_ANALYST);
        String name = Fixtures.unique("JPCERT/CC");
        PartyView created = parties.create(analyst, coordinator(name));
        assertThat(created.country()).isEqualTo("JP");
        assertThat(created.contacts()).extracting(PartyContact::email).containsExactly("vuls@example.jp");

        assertThatThrownBy(() -> parties.create(analyst, coordinator(name.toUpperCase())))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.Problem::field)
                                .containsExactly("name"));
        assertThatThrownBy(() -> parties.create(
                        analyst,
                        new PartyCommand(
                                "",
                                null,
                                "Japan",
                                "javascript:alert(1)",
                                null,
                                List.of(new PartyContact(null, "not-an-address", null)),
                                "key",
                                null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.Problem::field)
                                .contains("name", "kind", "country", "website", "contacts[0].email", "pgpKey"));
        assertThat(parties.list(analyst, PageQuery.of("vuls@example.jp", 0, 50), PartyKind.COORDINATOR)
                        .items())
                .extracting(PartyView::id)
                .contains(created.id());
    }

    @Test
    void anImportIsAllOrNothingAndUpdatesByName() {
        Actor manager = fixtures.actor(Role.PSIRT_MANAGER);
        String existing = Fixtures.unique("TWCERT/CC");
        parties.create(manager, coordinator(existing));
        String fresh = Fixtures.unique("Supplier");
        var bad = List.of(
                new PartyCommand(fresh, PartyKind.SUPPLIER, null, null, null, null, null, null),
                new PartyCommand("", PartyKind.VENDOR, null, null, null, null, null, null));
        assertThatThrownBy(() -> parties.importParties(manager, bad))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.Problem::field)
                                .containsExactly("parties[1].name"));
        assertThat(parties.list(manager, PageQuery.of(fresh, 0, 10), null).total())
                .isZero();

        var summary = parties.importParties(
                manager,
                List.of(
                        new PartyCommand(fresh, PartyKind.SUPPLIER, "DE", null, null, null, null, null),
                        new PartyCommand(existing, PartyKind.COORDINATOR, "TW", null, null, null, null, "updated")));
        assertThat(summary).isEqualTo(new Parties.ImportSummary(1, 1));
        assertThat(parties.list(manager, PageQuery.of(existing, 0, 10), null).items())
                .singleElement()
                .satisfies(p -> assertThat(p.country()).isEqualTo("TW"));
    }

    @Test
    void onlyThePsirtSeesAndChangesTheDirectory() throws Exception {
        var line = fixtures.line();
        for (Actor outsider : List.of(fixtures.actor(Role.LINE_ENGINEER, line), fixtures.actor(Role.VIEWER, line))) {
            assertThatThrownBy(() -> parties.list(outsider, PageQuery.of(null, 0, 10), null))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> parties.create(outsider, coordinator(Fixtures.unique("x"))))
                    .isInstanceOf(AccessDeniedException.class);
        }
        Map<String, String> tokens = Map.of(
                "ANALYST", fixtures.token(fixtures.user(Role.PSIRT_ANALYST)),
                "ENGINEER", fixtures.token(fixtures.user(Role.LINE_ENGINEER, line)));
        mvc.perform(get("/api/v1/parties").header("Authorization", "Bearer " + tokens.get("ENGINEER")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/parties")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/parties")
                        .header("Authorization", "Bearer " + tokens.get("ANALYST"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + Fixtures.unique("CERT")
                                + "\", \"kind\": \"CNA\", \"contacts\": [{\"email\": \"cna@example.org\"}]}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/parties")
                        .header("Authorization", "Bearer " + tokens.get("ANALYST"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"x\", \"kind\": \"CNA\", \"surprise\": 1}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
