package org.koban.server.demo;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.koban.server.access.Actor;
import org.koban.server.catalog.CatalogTransfer;
import org.koban.server.catalog.ImportResult;
import org.koban.server.identity.UserCommand;
import org.koban.server.identity.Users;
import org.koban.server.organisation.Organisation;
import org.koban.server.organisation.ProductionLineCommand;
import org.koban.server.organisation.SiteCommand;
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
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoLoader(
            @Value("${koban.demo:false}") boolean enabled,
            Organisation organisation,
            Users users,
            CatalogTransfer catalog,
            TransactionTemplate tx,
            Clock clock) {
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
        return true;
    }
}
