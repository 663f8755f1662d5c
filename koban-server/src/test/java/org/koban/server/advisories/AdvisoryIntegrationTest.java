package org.koban.server.advisories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.koban.server.cases.CaseTestSupport.reportId;
import static org.koban.server.cases.CaseTestSupport.submit;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.koban.csaf.CsafValidator;
import org.koban.csaf.ValidationResult;
import org.koban.server.access.Actor;
import org.koban.server.access.Role;
import org.koban.server.cases.CaseDetail;
import org.koban.server.cases.Cases;
import org.koban.server.cases.NotAffectedJustification;
import org.koban.server.cases.StatusDecision;
import org.koban.server.cases.VersionStatus;
import org.koban.server.cases.VulnerabilityCommand;
import org.koban.server.catalog.ProductVersionView;
import org.koban.server.intake.Intake;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.support.Fixtures;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Advisories drafted from cases: every document Koban renders passes koban-csaf (strict schema and mandatory
 * tests) over a generated variety of cases; an invalid one cannot be approved and says why, field by field; the
 * four-eyes rule; publication and revisions with Koban's own numbers and dates.
 */
@KobanIntegrationTest
class AdvisoryIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Advisories advisories;

    @Autowired
    Cases cases;

    @Autowired
    Intake intake;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.koban.server.coordination.Embargoes embargoes;

    @Autowired
    org.koban.server.coordination.Recognitions recognitions;

    private CaseDetail newCase(Actor analyst, String title) {
        return cases.openFromReport(
                analyst, reportId(jdbc, submit(intake, title, null, false).reference()), title);
    }

    private static String cve(Random random) {
        return "CVE-2026-" + (100_000 + random.nextInt(899_999));
    }

    @Test
    void everyRenderedDocumentPassesTheStrictSchemaAndTheMandatoryTests() {
        Actor analyst = fixtures.actor(Role.PSIRT_ANALYST);
        Random random = new Random(20261129);
        var line = fixtures.line();
        var family = fixtures.family();
        List<ProductVersionView> versions = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            var product = p % 2 == 0 ? fixtures.product(line, family) : fixtures.product(line);
            for (int v = 0; v < 3; v++) versions.add(fixtures.version(product, p + "." + v + ".0"));
        }
        String[] vectors3 = {
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/AV:L/AC:H/PR:L/UI:R/S:C/C:L/I:N/A:N", null
        };
        String[] vectors4 = {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", null};
        String[] cwes = {"CWE-787", "CWE-347", null};
        for (int round = 0; round < 12; round++) {
            CaseDetail c = newCase(analyst, "Variety " + round + " " + Fixtures.unique("v"));
            int vulnerabilities = 1 + random.nextInt(3);
            for (int i = 0; i < vulnerabilities; i++) {
                var vulnerability = cases.addVulnerability(
                        analyst,
                        c.id(),
                        new VulnerabilityCommand(
                                "Weakness " + i,
                                random.nextBoolean() ? "What goes wrong, in words." : "",
                                cwes[random.nextInt(cwes.length)],
                                vectors3[random.nextInt(vectors3.length)],
                                vectors4[random.nextInt(vectors4.length)],
                                random.nextBoolean() ? cve(random) : null));
                // A mix of statuses over a random part of the catalogue; every vulnerability decides at least one.
                List<UUID> affected = new ArrayList<>();
                List<UUID> fixed = new ArrayList<>();
                List<UUID> notAffected = new ArrayList<>();
                List<UUID> investigating = new ArrayList<>();
                for (ProductVersionView version : versions) {
                    switch (random.nextInt(5)) {
                        case 0 -> affected.add(version.id());
                        case 1 -> fixed.add(version.id());
                        case 2 -> notAffected.add(version.id());
                        case 3 -> investigating.add(version.id());
                        default -> {}
                    }
                }
                if (affected.isEmpty() && fixed.isEmpty() && notAffected.isEmpty() && investigating.isEmpty()) {
                    affected.add(versions.getFirst().id());
                }
                decide(analyst, c, vulnerability.id(), affected, VersionStatus.KNOWN_AFFECTED, null);
                decide(analyst, c, vulnerability.id(), fixed, VersionStatus.FIXED, null);
                decide(
                        analyst,
                        c,
                        vulnerability.id(),
                        notAffected,
                        VersionStatus.KNOWN_NOT_AFFECTED,
                        NotAffectedJustification.values()[random.nextInt(NotAffectedJustification.values().length)]);
                decide(analyst, c, vulnerability.id(), investigating, VersionStatus.UNDER_INVESTIGATION, null);
            }
            AdvisoryView advisory = advisories.createFromCase(analyst, c.id());
            advisories.update(
                    analyst,
                    advisory.id(),
                    new AdvisoryCommand(
                            advisory.title(),
                            "Summary of round " + round,
                            random.nextBoolean() ? "An attacker may take over the device." : null,
                            random.nextBoolean() ? "Update to the fixed version." : null,
                            null,
                            random.nextBoolean() ? "Block port 443 from untrusted networks." : null,
                            null,
                            random.nextBoolean() ? List.of("https://example.com/notes/" + round) : List.of()));
            AdvisoryPreview preview = advisories.preview(analyst, advisory.id());
            assertThat(preview.errors())
                    .as("round %d: %s", round, preview.csafJson())
                    .isEmpty();
            ValidationResult again = CsafValidator.validate(preview.csafJson(), CsafValidator.Options.STRICT);
            assertThat(again.valid()).as("round %d", round).isTrue();
            JsonNode doc = JSON.readTree(preview.csafJson());
            assertThat(doc.at("/document/tracking/id").asString()).isEqualTo(advisory.trackingId());
            assertThat(doc.at("/document/distribution/tlp/label").asString()).isEqualTo("WHITE");
            assertThat(doc.at("/vulnerabilities").size()).isEqualTo(vulnerabilities);
        }
    }

    @Test
    void anApprovedAdvisoryIsPublishedByItselfAtItsTimeOrWhenTheEmbargoEnds() {
        Actor analyst = fixtures.actor(Role.PSIRT_ANALYST);
        Actor manager = fixtures.actor(Role.PSIRT_MANAGER);
        var version = fixtures.version(fixtures.product(fixtures.line()), "4.0");
        java.util.function.Function<String, AdvisoryView> approved = title -> {
            CaseDetail c = newCase(analyst, title);
            var v = cases.addVulnerability(
                    analyst, c.id(), new VulnerabilityCommand(title, "d", null, null, null, null));
            cases.decideStatus(
                    analyst,
                    c.id(),
                    new StatusDecision(v.id(), List.of(version.id()), VersionStatus.FIXED, null, null));
            AdvisoryView a = advisories.createFromCase(analyst, c.id());
            advisories.submit(analyst, a.id());
            return advisories.approve(manager, a.id());
        };
        java.time.Instant now = java.time.Instant.now();

        AdvisoryView timed = approved.apply("Timed " + Fixtures.unique("s"));
        assertThatThrownBy(() -> advisories.schedule(manager, timed.id(), now.minusSeconds(60), false))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> advisories.schedule(manager, timed.id(), null, true))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no embargo");
        assertThatThrownBy(() -> advisories.schedule(analyst, timed.id(), now.plusSeconds(3600), false))
                .isInstanceOf(AccessDeniedException.class);
        advisories.schedule(manager, timed.id(), now.plusSeconds(3600), false);
        advisories.publishDue(now.plusSeconds(60));
        assertThat(advisories.get(manager, timed.id()).state()).isEqualTo(AdvisoryState.APPROVED);
        advisories.publishDue(now.plusSeconds(3601));
        AdvisoryView published = advisories.get(manager, timed.id());
        assertThat(published.state()).isEqualTo(AdvisoryState.PUBLISHED);
        assertThat(published.version()).isEqualTo(1);
        assertThat(published.publishAt()).isNull();

        // At the end of the embargo, also when it ends early because the vulnerability became public.
        AdvisoryView embargoed = approved.apply("Embargoed " + Fixtures.unique("s"));
        embargoes.propose(
                analyst,
                embargoed.caseId(),
                java.time.LocalDateTime.now().plusDays(20).withNano(0),
                "Asia/Tokyo");
        embargoes.accept(analyst, embargoed.caseId());
        advisories.schedule(manager, embargoed.id(), null, true);
        advisories.publishDue(now.plusSeconds(86_400));
        assertThat(advisories.get(manager, embargoed.id()).state()).isEqualTo(AdvisoryState.APPROVED);
        cases.recordFact(analyst, embargoed.caseId(), org.koban.server.cases.CaseFact.PUBLIC_AWARE, null);
        advisories.publishDue(now.plusSeconds(86_400));
        assertThat(advisories.get(manager, embargoed.id()).state()).isEqualTo(AdvisoryState.PUBLISHED);
        // Nothing left to do: a second run publishes nothing again.
        assertThat(advisories.get(manager, embargoed.id()).version()).isEqualTo(1);
    }

    @Test
    void creditsAndRecognitionsBecomeAcknowledgmentsAndReferences() {
        Actor analyst = fixtures.actor(Role.PSIRT_ANALYST);
        var version = fixtures.version(fixtures.product(fixtures.line()), "5.0");
        // CaseTestSupport's reporter asks to be credited as "R. Searcher".
        CaseDetail c = newCase(analyst, "Credited " + Fixtures.unique("k"));
        var v = cases.addVulnerability(analyst, c.id(), new VulnerabilityCommand("Bug", "d", null, null, null, null));
        cases.decideStatus(
                analyst, c.id(), new StatusDecision(v.id(), List.of(version.id()), VersionStatus.FIXED, null, null));
        var party = fixtures.party("JPCERT/CC", org.koban.server.coordination.PartyKind.COORDINATOR);
        recognitions.record(
                analyst, c.id(), party.id(), "JVNVU#91234567", "https://jvn.example/vu/JVNVU91234567/", null);
        AdvisoryView advisory = advisories.createFromCase(analyst, c.id());
        AdvisoryPreview preview = advisories.preview(analyst, advisory.id());
        assertThat(preview.errors()).isEmpty();
        JsonNode doc = JSON.readTree(preview.csafJson());
        assertThat(doc.at("/document/acknowledgments/0/names/0").asString()).isEqualTo("R. Searcher");
        assertThat(doc.at("/document/acknowledgments/1/organization").asString())
                .isEqualTo(party.name());
        assertThat(doc.at("/document/acknowledgments/1/urls/0").asString())
                .isEqualTo("https://jvn.example/vu/JVNVU91234567/");
        assertThat(doc.at("/document/references").toString())
                .contains("https://jvn.example/vu/JVNVU91234567/")
                .contains("JVNVU#91234567");
    }

    private void decide(
            Actor analyst,
            CaseDetail c,
            UUID vulnerabilityId,
            List<UUID> versionIds,
            VersionStatus status,
            NotAffectedJustification justification) {
        if (versionIds.isEmpty()) return;
        cases.decideStatus(
                analyst, c.id(), new StatusDecision(vulnerabilityId, versionIds, status, justification, null));
    }

    @Test
    void anInvalidAdvisoryCannotBeApprovedAndTheReviewerSeesWhyFieldByField() {
        Actor analyst = fixtures.actor(Role.PSIRT_ANALYST);
        Actor manager = fixtures.actor(Role.PSIRT_MANAGER);
        CaseDetail c = newCase(analyst, "No statuses yet");
        cases.addVulnerability(analyst, c.id(), new VulnerabilityCommand("Undecided", "x", null, null, null, null));
        AdvisoryView advisory = advisories.createFromCase(analyst, c.id());
        assertThat(advisory.trackingId()).matches("KOBAN-SA-\\d{4}-\\d{4}");
        assertThat(advisories.preview(analyst, advisory.id()).errors())
                .extracting(AdvisoryPreview.Problem::test)
                .contains("6.1.27.6");
        advisories.submit(analyst, advisory.id());
        assertThatThrownBy(() -> advisories.approve(manager, advisory.id()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems()).anySatisfy(p -> {
                            assertThat(p.field()).isEqualTo("csaf/vulnerabilities/0/product_status");
                            assertThat(p.message()).startsWith("6.1.27.6");
                        }));
        assertThat(advisories.get(manager, advisory.id()).state()).isEqualTo(AdvisoryState.IN_REVIEW);
        // Only one advisory per case.
        assertThatThrownBy(() -> advisories.createFromCase(analyst, c.id()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(advisory.trackingId());
    }

    @Test
    void theFourEyesRuleThenPublicationAndARevisionWithKobansNumbersAndDates() {
        Actor analyst = fixtures.actor(Role.PSIRT_ANALYST);
        Actor manager = fixtures.actor(Role.PSIRT_MANAGER);
        Actor otherManager = fixtures.actor(Role.PSIRT_MANAGER);
        var product = fixtures.product(fixtures.line());
        var v1 = fixtures.version(product, "1.0.0");
        var v2 = fixtures.version(product, "1.1.0");
        CaseDetail c = newCase(analyst, "Publishable");
        var vulnerability = cases.addVulnerability(
                analyst,
                c.id(),
                new VulnerabilityCommand(
                        "Overflow",
                        "A long name overflows.",
                        "CWE-787",
                        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                        null,
                        null));
        cases.decideStatus(
                analyst,
                c.id(),
                new StatusDecision(vulnerability.id(), List.of(v1.id()), VersionStatus.KNOWN_AFFECTED, null, null));
        cases.decideStatus(
                analyst,
                c.id(),
                new StatusDecision(vulnerability.id(), List.of(v2.id()), VersionStatus.FIXED, null, null));
        AdvisoryView advisory = advisories.createFromCase(analyst, c.id());
        assertThat(advisory.state()).isEqualTo(AdvisoryState.DRAFT);
        assertThatThrownBy(() -> advisories.update(
                        analyst,
                        advisory.id(),
                        new AdvisoryCommand("", "", null, null, "javascript:alert(1)", null, null, List.of("ftp://x"))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.Problem::field)
                                .contains("title", "summary", "fixUrl", "references[0]"));
        advisories.update(
                manager,
                advisory.id(),
                new AdvisoryCommand(
                        "Overflow in Product",
                        "Summary.",
                        null,
                        "Update to 1.1.0.",
                        "https://example.com/dl",
                        null,
                        null,
                        null));
        advisories.submit(manager, advisory.id());
        // The manager edited this revision: another person approves it.
        assertThatThrownBy(() -> advisories.approve(manager, advisory.id()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("four-eyes");
        assertThatThrownBy(() -> advisories.approve(analyst, advisory.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> advisories.update(
                        analyst, advisory.id(), new AdvisoryCommand("t", "s", null, null, null, null, null, null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("only a draft");
        advisories.approve(otherManager, advisory.id());
        assertThatThrownBy(() -> advisories.submit(analyst, advisory.id())).isInstanceOf(InvalidInputException.class);
        AdvisoryView published = advisories.publish(otherManager, advisory.id());
        assertThat(published.state()).isEqualTo(AdvisoryState.PUBLISHED);
        assertThat(published.version()).isEqualTo(1);
        assertThat(published.initialReleaseDate()).isNotNull().isEqualTo(published.currentReleaseDate());
        JsonNode first = JSON.readTree(advisories.publishedCsaf(analyst, advisory.id(), 1));
        assertThat(first.at("/document/tracking/version").asString()).isEqualTo("1");
        assertThat(first.at("/document/tracking/status").asString()).isEqualTo("final");
        assertThat(first.at("/vulnerabilities/0/remediations/0/url").asString()).isEqualTo("https://example.com/dl");
        assertThat(CsafValidator.validate(first.toString(), CsafValidator.Options.STRICT)
                        .valid())
                .isTrue();

        // A second revision: numbered 2, the history keeps the first, the initial date stays.
        assertThatThrownBy(() -> advisories.startRevision(analyst, advisory.id(), " "))
                .isInstanceOf(InvalidInputException.class);
        advisories.startRevision(analyst, advisory.id(), "Added a workaround");
        advisories.update(
                analyst,
                advisory.id(),
                new AdvisoryCommand(
                        "Overflow in Product",
                        "Summary.",
                        null,
                        "Update to 1.1.0.",
                        "https://example.com/dl",
                        "Disable the service.",
                        null,
                        null));
        advisories.submit(analyst, advisory.id());
        advisories.approve(manager, advisory.id());
        AdvisoryView second = advisories.publish(manager, advisory.id());
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.initialReleaseDate()).isEqualTo(published.initialReleaseDate());
        assertThat(second.revisions())
                .extracting(AdvisoryView.Revision::summary)
                .containsExactly("Initial version", "Added a workaround");
        JsonNode doc = JSON.readTree(advisories.publishedCsaf(analyst, advisory.id(), 2));
        assertThat(doc.at("/document/tracking/revision_history").size()).isEqualTo(2);
        assertThat(doc.at("/document/tracking/version").asString()).isEqualTo("2");
        assertThat(CsafValidator.validate(doc.toString(), CsafValidator.Options.STRICT)
                        .valid())
                .isTrue();
        // The first revision is kept exactly as it was published.
        assertThat(JSON.readTree(advisories.publishedCsaf(analyst, advisory.id(), 1)))
                .isEqualTo(first);
        // Line people read no advisories.
        Actor engineer = fixtures.actor(Role.LINE_ENGINEER, fixtures.line());
        assertThatThrownBy(() -> advisories.get(engineer, advisory.id())).isInstanceOf(AccessDeniedException.class);
    }
}
