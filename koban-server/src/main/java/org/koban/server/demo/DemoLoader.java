package org.koban.server.demo;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.koban.server.access.Actor;
import org.koban.server.advisories.Advisories;
import org.koban.server.advisories.AdvisoryCommand;
import org.koban.server.cases.CaseState;
import org.koban.server.cases.Cases;
import org.koban.server.cases.StatusDecision;
import org.koban.server.cases.VersionStatus;
import org.koban.server.cases.VulnerabilityCommand;
import org.koban.server.catalog.Catalog;
import org.koban.server.catalog.CatalogTransfer;
import org.koban.server.catalog.ImportResult;
import org.koban.server.catalog.ProductFilter;
import org.koban.server.catalog.ProductView;
import org.koban.server.coordination.Embargoes;
import org.koban.server.coordination.ParticipantRole;
import org.koban.server.coordination.Participants;
import org.koban.server.coordination.Parties;
import org.koban.server.coordination.PartyCommand;
import org.koban.server.coordination.PartyContact;
import org.koban.server.coordination.PartyKind;
import org.koban.server.coordination.ShareCommand;
import org.koban.server.coordination.Sharing;
import org.koban.server.identity.UserCommand;
import org.koban.server.identity.Users;
import org.koban.server.intake.Intake;
import org.koban.server.intake.ReportSubmission;
import org.koban.server.intake.Triage;
import org.koban.server.intake.TriageQuery;
import org.koban.server.organisation.Organisation;
import org.koban.server.organisation.ProductionLineCommand;
import org.koban.server.organisation.SiteCommand;
import org.koban.server.shared.PageQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * With {@code --demo} ({@code koban.demo=true}) loads the demo manufacturer once, through the same
 * services as the UI and the API (so the demo is validated and audited like real data), and prints the
 * demo sign-ins at every start. Runs after the first admin is created.
 */
@Component
@Order(10)
class DemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final boolean enabled;
    private final Organisation organisation;
    private final Users users;
    private final CatalogTransfer catalog;
    private final Catalog productCatalog;
    private final Intake intake;
    private final Triage triage;
    private final Cases cases;
    private final Parties parties;
    private final Embargoes embargoes;
    private final Participants participants;
    private final Sharing sharing;
    private final Advisories advisories;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoLoader(
            @Value("${koban.demo:false}") boolean enabled,
            Organisation organisation,
            Users users,
            CatalogTransfer catalog,
            Catalog productCatalog,
            Intake intake,
            Triage triage,
            Cases cases,
            Parties parties,
            Embargoes embargoes,
            Participants participants,
            Sharing sharing,
            Advisories advisories,
            TransactionTemplate tx,
            Clock clock) {
        this.advisories = advisories;
        this.sharing = sharing;
        this.participants = participants;
        this.parties = parties;
        this.embargoes = embargoes;
        this.productCatalog = productCatalog;
        this.intake = intake;
        this.triage = triage;
        this.cases = cases;
        this.enabled = enabled;
        this.organisation = organisation;
        this.users = users;
        this.catalog = catalog;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        // --demo on the command line is the short form of koban.demo=true.
        boolean asked =
                args.containsOption("demo") && !args.getOptionValues("demo").contains("false");
        if (!enabled && !asked) return;
        boolean loaded = Boolean.TRUE.equals(tx.execute(status -> load()));
        StringBuilder logins = new StringBuilder("\n\n  Demo data ")
                .append(loaded ? "loaded" : "already present")
                .append(". Sign in at /login with any of these (password: ")
                .append(DemoData.PASSWORD)
                .append("):\n");
        for (DemoData.Person person : DemoData.PEOPLE) {
            logins.append(String.format(
                    "    %-36s %s%n",
                    person.email(),
                    person.role().label()
                            + (person.lines().isEmpty() ? "" : " of " + String.join(", ", person.lines()))));
        }
        logins.append(String.format(
                "    %-36s %s%n", DemoData.COORDINATOR_EMAIL, "Outside participant of JPCERT/CC (demo), on /portal"));
        log.warn(logins.toString());
    }

    /** Loads everything in one transaction: a failure leaves no half-loaded demo. */
    private boolean load() {
        Actor koban = Actor.system();
        if (!organisation.linesByCode(DemoData.lineCodes()).isEmpty()) return false;
        Map<String, UUID> sites = new HashMap<>();
        for (DemoData.Site site : DemoData.SITES) {
            sites.put(
                    site.code(),
                    organisation
                            .createSite(
                                    koban,
                                    new SiteCommand(
                                            site.code(), site.name(), site.country(), site.city(), site.description()))
                            .id());
        }
        Map<String, UUID> lines = new HashMap<>();
        for (DemoData.Line line : DemoData.LINES) {
            lines.put(
                    line.code(),
                    organisation
                            .createLine(
                                    koban,
                                    new ProductionLineCommand(
                                            sites.get(line.site()), line.code(), line.name(), line.description()))
                            .id());
        }
        for (DemoData.Person person : DemoData.PEOPLE) {
            Set<UUID> lineIds = new HashSet<>();
            person.lines().forEach(code -> lineIds.add(lines.get(code)));
            users.create(
                    koban,
                    new UserCommand(
                            person.email(), person.name(), DemoData.PASSWORD, Set.of(person.role()), lineIds, true));
        }
        byte[] document = JsonMapper.builder()
                .build()
                .writeValueAsBytes(DemoData.catalogue(LocalDate.now(clock.withZone(ZoneOffset.UTC))));
        ImportResult result =
                catalog.importDocument(koban, new ByteArrayInputStream(document), CatalogTransfer.Format.JSON, false);
        log.info(
                "Demo catalogue imported: {} families, {} products, {} versions",
                result.familiesCreated(),
                result.productsCreated(),
                result.versionsCreated());
        loadReportsAndACase(koban);
        return true;
    }

    /**
     * A few reports as reporters would send them, and one case worked on by two production lines, so the triage
     * queue, a case page and the dashboard have something to show.
     */
    private void loadReportsAndACase(Actor koban) {
        List<ProductView> products = productCatalog
                .products(koban, PageQuery.all(), ProductFilter.none())
                .items();
        ProductView first = products.get(0);
        ProductView second = products.stream()
                .filter(p -> !p.lineId().equals(first.lineId()))
                .findFirst()
                .orElse(first);
        String caseReport = intake.submit(
                        new ReportSubmission(
                                first.id().toString(),
                                null,
                                "The web interface accepts a crafted firmware upload without checking its signature.\n"
                                        + "An attacker on the local network can install modified firmware.",
                                "Persistent code execution on the device.",
                                "1. Sign in as any user\n2. Upload the attached image\n3. Reboot",
                                false,
                                false,
                                List.of(),
                                "I plan to present this in 90 days.",
                                "Aiko Tanaka",
                                "Example Security Lab",
                                "aiko@example.org",
                                null,
                                "Aiko Tanaka (Example Security Lab)",
                                true),
                        List.of())
                .reference();
        intake.submit(
                new ReportSubmission(
                        "Smart meter",
                        "3.2",
                        "Debug port left open on the board; UART gives a root shell.",
                        null,
                        null,
                        false,
                        false,
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false),
                List.of());
        intake.submit(
                new ReportSubmission(
                        null,
                        null,
                        "Your website's contact form reflects input without escaping.",
                        null,
                        null,
                        true,
                        false,
                        List.of("https://example.org/writeup"),
                        null,
                        "Anonymous",
                        null,
                        null,
                        null,
                        null,
                        false),
                List.of());
        UUID reportId = triage.queue(koban, TriageQuery.open(PageQuery.of(caseReport, 0, 1)))
                .items()
                .get(0)
                .id();
        var opened = cases.openFromReport(koban, reportId, "Unsigned firmware accepted by the web interface");
        var vulnerability = cases.addVulnerability(
                koban,
                opened.id(),
                new VulnerabilityCommand(
                        "Missing firmware signature verification",
                        "The upload handler installs images without verifying their signature.",
                        "CWE-347",
                        "CVSS:3.1/AV:A/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
                        "CVSS:4.0/AV:A/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
                        null));
        List<UUID> affected = new java.util.ArrayList<>();
        affected.add(productCatalog
                .versions(koban, first.id(), PageQuery.all())
                .items()
                .get(0)
                .id());
        if (!second.id().equals(first.id())) {
            affected.add(productCatalog
                    .versions(koban, second.id(), PageQuery.all())
                    .items()
                    .get(0)
                    .id());
        }
        cases.decideStatus(
                koban,
                opened.id(),
                new StatusDecision(vulnerability.id(), affected, VersionStatus.KNOWN_AFFECTED, null, null));
        cases.move(koban, opened.id(), CaseState.REMEDIATION, null);
        // Coordination so far: the parties a Japanese and Taiwanese manufacturer works with, and an embargo.
        parties.importParties(
                koban,
                List.of(
                        new PartyCommand(
                                "JPCERT/CC (demo)",
                                PartyKind.COORDINATOR,
                                "JP",
                                "https://www.jpcert.or.jp/english/",
                                null,
                                List.of(new PartyContact(
                                        "Vulnerability coordination desk", "vuls@example.jp", "coordination")),
                                null,
                                "National coordinator; publishes JVN advisories. Demo contact, not the real address."),
                        new PartyCommand(
                                "TWCERT/CC (demo)",
                                PartyKind.COORDINATOR,
                                "TW",
                                "https://www.twcert.org.tw/",
                                null,
                                List.of(new PartyContact("Vulnerability handling", "vuln@example.tw", "coordination")),
                                null,
                                "CNA for Taiwan. Demo contact, not the real address."),
                        new PartyCommand(
                                "Example Modules Ltd. (demo)",
                                PartyKind.SUPPLIER,
                                "DE",
                                null,
                                null,
                                List.of(new PartyContact("PSIRT", "psirt@example.com", null)),
                                null,
                                "Supplies the web interface module used by two of our lines.")));
        embargoes.propose(
                koban,
                opened.id(),
                java.time.LocalDateTime.now(clock.withZone(java.time.ZoneId.of("Asia/Tokyo")))
                        .plusDays(75)
                        .withHour(9)
                        .withMinute(0)
                        .withSecond(0)
                        .withNano(0),
                "Asia/Tokyo");
        embargoes.accept(koban, opened.id());
        var directory = parties.list(koban, PageQuery.of("(demo)", 0, 10), null).items();
        for (var party : directory) {
            if (party.name().startsWith("JPCERT")) {
                var coordinator = participants.add(
                        koban, opened.id(), party.id(), ParticipantRole.COORDINATOR, "JVNVU#90000001", clock.instant());
                // JPCERT/CC sees the summary and the vulnerability, and has a portal account of its own.
                sharing.share(
                        koban,
                        opened.id(),
                        coordinator.id(),
                        new ShareCommand(true, false, Set.of(vulnerability.id()), Set.of()));
                users.createParticipant(
                        DemoData.COORDINATOR_EMAIL, "Demo coordinator", DemoData.PASSWORD, party.id(), "Asia/Tokyo");
            } else if (party.name().startsWith("Example Modules")) {
                // The supplier's module is in the affected products: another affected vendor on the case.
                participants.add(koban, opened.id(), party.id(), ParticipantRole.VENDOR, null, clock.instant());
            }
        }
        publishedAdvisories(koban);
    }

    /** A fictitious published advisory: affected and fixed versions of products on several lines. */
    private record DemoAdvisory(
            String title,
            String description,
            String cwe,
            String cvss,
            String cve,
            List<String> products,
            String fix,
            String credit) {}

    private static final List<DemoAdvisory> ADVISORIES = List.of(
            new DemoAdvisory(
                    "Hard-coded maintenance password in gateways and switches",
                    "The maintenance console accepts a password that is the same on every device.",
                    "CWE-798",
                    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                    "CVE-2026-90001",
                    List.of("IGW-500", "MSW-24G", "TCU-4G"),
                    "Update to the latest firmware, which removes the maintenance account.",
                    "K. Tanaka"),
            new DemoAdvisory(
                    "Stored cross-site scripting in the HMI panel's web interface",
                    "A tag name with markup is stored and shown unescaped to other operators.",
                    "CWE-79",
                    "CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N",
                    "CVE-2026-90002",
                    List.of("HMI-7"),
                    "Update the panel software to the latest version.",
                    "Example Security Lab"));

    /**
     * Published advisories for the public site, feeds and provider directory, written by the demo analyst and
     * approved by the demo manager (the four-eyes rule applies to the demo too). The CVE ids are fictitious.
     */
    private void publishedAdvisories(Actor koban) {
        Actor analyst = demoActor("analyst@demo.koban.local");
        Actor manager = demoActor("manager@demo.koban.local");
        List<ProductView> products = productCatalog
                .products(koban, PageQuery.all(), ProductFilter.none())
                .items();
        for (DemoAdvisory demo : ADVISORIES) {
            String reference = intake.submit(
                            new ReportSubmission(
                                    null,
                                    null,
                                    demo.description(),
                                    null,
                                    null,
                                    false,
                                    false,
                                    List.of(),
                                    null,
                                    demo.credit(),
                                    null,
                                    null,
                                    null,
                                    demo.credit(),
                                    false),
                            List.of())
                    .reference();
            UUID reportId = triage.queue(koban, TriageQuery.open(PageQuery.of(reference, 0, 1)))
                    .items()
                    .get(0)
                    .id();
            var c = cases.openFromReport(analyst, reportId, demo.title());
            var v = cases.addVulnerability(
                    analyst,
                    c.id(),
                    new VulnerabilityCommand(
                            demo.title(), demo.description(), demo.cwe(), demo.cvss(), null, demo.cve()));
            List<UUID> affected = new java.util.ArrayList<>();
            List<UUID> fixed = new java.util.ArrayList<>();
            for (ProductView product : products) {
                if (!demo.products().contains(product.code())) continue;
                var versions = productCatalog
                        .versions(koban, product.id(), PageQuery.all())
                        .items();
                if (versions.isEmpty()) continue;
                affected.add(versions.get(0).id());
                if (versions.size() > 1)
                    fixed.add(versions.get(versions.size() - 1).id());
            }
            if (!affected.isEmpty()) {
                cases.decideStatus(
                        analyst,
                        c.id(),
                        new StatusDecision(v.id(), affected, VersionStatus.KNOWN_AFFECTED, null, null));
            }
            if (!fixed.isEmpty()) {
                cases.decideStatus(analyst, c.id(), new StatusDecision(v.id(), fixed, VersionStatus.FIXED, null, null));
            }
            var advisory = advisories.createFromCase(analyst, c.id());
            advisories.update(
                    analyst,
                    advisory.id(),
                    new AdvisoryCommand(
                            demo.title(),
                            demo.description(),
                            "An attacker may take control of the device.",
                            demo.fix(),
                            "https://example.com/downloads",
                            null,
                            "Restrict access to the device's management interface to trusted networks.",
                            List.of()));
            advisories.submit(analyst, advisory.id());
            advisories.approve(manager, advisory.id());
            advisories.publish(manager, advisory.id());
        }
    }

    private Actor demoActor(String email) {
        var user = users.byEmail(email).orElseThrow();
        return new Actor(user.id(), user.displayName(), Actor.Kind.USER, user.roles(), user.lineIds());
    }
}
