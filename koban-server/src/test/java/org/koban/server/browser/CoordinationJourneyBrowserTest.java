package org.koban.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.koban.server.cases.CaseTestSupport.reportId;
import static org.koban.server.cases.CaseTestSupport.submit;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.koban.server.access.Actor;
import org.koban.server.access.Role;
import org.koban.server.cases.Cases;
import org.koban.server.cases.VulnerabilityCommand;
import org.koban.server.coordination.PartyKind;
import org.koban.server.coordination.PartyView;
import org.koban.server.identity.UserView;
import org.koban.server.intake.Intake;
import org.koban.server.support.Browsers;
import org.koban.server.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Coordination in a real browser: the PSIRT adds a national coordinator to a case, shares one of its two
 * vulnerabilities, invites a person of the coordinator and proposes an embargo; that person accepts the
 * invitation from the mail, signs in, sees only what was shared (in their own time zone), says "not affected"
 * with a statement and accepts the embargo; the PSIRT sees both.
 */
class CoordinationJourneyBrowserTest extends BrowserTestBase {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Autowired
    Fixtures fixtures;

    @Autowired
    Intake intake;

    @Autowired
    Cases cases;

    @Autowired
    JdbcClient jdbc;

    @Test
    void thePsirtInvitesACoordinatorWhoAnswersAndAcceptsTheEmbargo() {
        UserView analyst = fixtures.user(Role.PSIRT_ANALYST);
        Actor analystActor = Fixtures.actorOf(analyst);
        var c = cases.openFromReport(
                analystActor,
                reportId(
                        jdbc,
                        submit(intake, "Telematics unit accepts unsigned updates", null, false)
                                .reference()),
                "Unsigned updates " + Fixtures.unique("T"));
        cases.addVulnerability(
                analystActor,
                c.id(),
                new VulnerabilityCommand(
                        "Missing signature check", "Updates are not verified.", "CWE-347", null, null, null));
        cases.addVulnerability(
                analystActor,
                c.id(),
                new VulnerabilityCommand("Internal debug port", "Only for the PSIRT.", null, null, null, null));
        PartyView jpcert = fixtures.party("JPCERT/CC", PartyKind.COORDINATOR);
        String theirReference = "JVNVU#9" + (System.nanoTime() % 10_000_000);
        String personEmail = Fixtures.unique("kenji") + "@jpcert.example";
        LocalDateTime end = LocalDateTime.now(ZoneId.of("Asia/Tokyo"))
                .plusDays(45)
                .withHour(10)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);

        // 1. The PSIRT adds the coordinator, with their reference, to the case.
        Page psirt = newSession();
        signIn(psirt, analyst.email(), Fixtures.PASSWORD);
        psirt.navigate("/cases/" + c.id() + "/coordination");
        psirt.locator("select[name=partyId]").first().selectOption(jpcert.id().toString());
        psirt.locator("select[name=role]").selectOption("COORDINATOR");
        psirt.locator("input[name=theirReference]").fill(theirReference);
        psirt.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add participant"))
                .click();
        assertThat(psirt.getByRole(AriaRole.STATUS)).containsText("Participant added");
        assertThat(psirt.locator(".participant")).containsText(theirReference);
        Browsers.screenshot(psirt, "coordination-journey-01-participant-added");

        // 2. It shares the summary and one vulnerability, and invites a person of the coordinator.
        psirt.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sharing, thread and invitations"))
                .click();
        psirt.getByLabel("The case's title and summary").check();
        psirt.getByLabel("Missing signature check").check();
        psirt.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save sharing"))
                .click();
        assertThat(psirt.getByRole(AriaRole.STATUS)).containsText("Sharing saved");
        assertThat(psirt.getByLabel("Missing signature check")).isChecked();
        assertThat(psirt.getByLabel("Internal debug port")).not().isChecked();
        psirt.locator("input[name=displayName]").fill("Kenji Sato");
        psirt.locator("input[name=email]").fill(personEmail);
        psirt.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invitation"))
                .click();
        assertThat(psirt.getByRole(AriaRole.STATUS)).containsText("Invitation sent");
        assertThat(psirt.locator(".invitation")).containsText(personEmail);
        Browsers.screenshot(psirt, "coordination-journey-02-shared-and-invited");

        // 3. It proposes an embargo ending at 10:00 Tokyo time.
        psirt.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to coordination"))
                .click();
        psirt.locator("input[name=end]").fill(end.toString().substring(0, 16));
        psirt.locator("input[name=timeZone]").fill("Asia/Tokyo");
        psirt.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose"))
                .click();
        assertThat(psirt.locator("#embargo-state")).hasText("Proposed");
        Browsers.screenshot(psirt, "coordination-journey-03-embargo-proposed");

        // 4. The coordinator follows the link from the invitation mail and chooses a password and time zone.
        String link = invitationLink(personEmail);
        Page coordinator = newSession();
        coordinator.navigate(link);
        assertThat(coordinator.locator("h1")).containsText(c.reference());
        coordinator.locator("input[name=password]").fill(Fixtures.PASSWORD);
        coordinator.locator("input[name=confirmPassword]").fill(Fixtures.PASSWORD);
        coordinator.locator("select[name=timeZone]").selectOption("Asia/Tokyo");
        Browsers.screenshot(coordinator, "coordination-journey-04-invitation");
        coordinator
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create my account"))
                .click();
        assertThat(coordinator.getByRole(AriaRole.STATUS)).containsText("Your account is ready");
        coordinator.getByLabel("Email").fill(personEmail);
        coordinator.getByLabel("Password").fill(Fixtures.PASSWORD);
        coordinator
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        coordinator.waitForURL(url("/portal"));
        Locator menu = coordinator.locator("nav.menu");
        assertThat(menu).containsText("Shared cases");
        assertThat(menu).not().containsText("Triage");
        assertThat(menu).not().containsText("Dashboard");
        assertThat(coordinator.locator("table.portal-cases")).containsText(theirReference);
        Browsers.screenshot(coordinator, "coordination-journey-05-portal");

        // 5. They see only what was shared, with the embargo's end in their zone and in UTC.
        coordinator
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(c.reference() + ": " + c.title()))
                .click();
        Locator main = coordinator.locator("main");
        assertThat(main).containsText("Missing signature check");
        assertThat(main).not().containsText("Internal debug port");
        assertThat(main).not().containsText("Only for the PSIRT");
        String tokyo = SHOWN.format(end) + " Asia/Tokyo";
        String utc = SHOWN.format(end.atZone(ZoneId.of("Asia/Tokyo")).withZoneSameInstant(ZoneOffset.UTC)) + " UTC";
        assertThat(coordinator.locator(".embargo .your-time")).hasText(tokyo);
        assertThat(coordinator.locator(".embargo .utc")).hasText(utc);
        Browsers.screenshot(coordinator, "coordination-journey-06-shared-case");

        // 6. They say "not affected", with a statement, and accept the embargo.
        coordinator.locator("details summary").first().click();
        coordinator.locator("select[name=status]").selectOption("NOT_AFFECTED");
        coordinator.locator("textarea[name=statement]").fill("Our products do not use this update mechanism.");
        coordinator
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save your status"))
                .click();
        assertThat(coordinator.getByRole(AriaRole.STATUS)).containsText("Your answer was recorded");
        assertThat(coordinator.locator(".answer-status")).hasText("Not affected");
        coordinator
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept this embargo"))
                .click();
        assertThat(coordinator.getByRole(AriaRole.STATUS)).containsText("You accepted the embargo");
        assertThat(coordinator.locator(".embargo-answer")).containsText("You accepted it");
        Browsers.screenshot(coordinator, "coordination-journey-07-answered");

        // 7. The PSIRT sees both: their status with the statement, and their acceptance.
        psirt.reload();
        Locator card = psirt.locator(".participant");
        assertThat(card).containsText("Not affected");
        assertThat(card).containsText("Our products do not use this update mechanism.");
        assertThat(card).containsText("first looked at it");
        assertThat(psirt.locator(".embargo-responses")).containsText("accepted");
        Browsers.screenshot(psirt, "coordination-journey-08-psirt-sees-answers");

        assertThat(consoleErrors).isEmpty();
        assertThat(failedRequests).isEmpty();
    }

    /** The invitation link, read from the mail as the invited person would (no key: plain text). */
    private String invitationLink(String email) {
        String body = jdbc.sql("select body from mail_outbox where recipient = :r and kind = 'PARTICIPANT_NOTICE'")
                .param("r", email)
                .query(String.class)
                .single();
        Matcher m =
                Pattern.compile("http://\\S+/invitations/([A-Za-z0-9_-]{43})").matcher(body);
        assertThat(m.find()).isTrue();
        return "/invitations/" + m.group(1);
    }
}
