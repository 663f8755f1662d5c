package org.koban.server.support;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.koban.server.access.Actor;
import org.koban.server.access.Role;
import org.koban.server.catalog.Catalog;
import org.koban.server.catalog.ProductCommand;
import org.koban.server.catalog.ProductFamilyCommand;
import org.koban.server.catalog.ProductFamilyView;
import org.koban.server.catalog.ProductVersionCommand;
import org.koban.server.catalog.ProductVersionView;
import org.koban.server.catalog.ProductView;
import org.koban.server.coordination.Parties;
import org.koban.server.coordination.PartyCommand;
import org.koban.server.coordination.PartyKind;
import org.koban.server.coordination.PartyView;
import org.koban.server.identity.ApiTokens;
import org.koban.server.identity.UserCommand;
import org.koban.server.identity.UserView;
import org.koban.server.identity.Users;
import org.koban.server.organisation.Organisation;
import org.koban.server.organisation.ProductionLineCommand;
import org.koban.server.organisation.ProductionLineView;
import org.koban.server.organisation.SiteCommand;
import org.koban.server.organisation.SiteView;
import org.springframework.boot.test.context.TestComponent;

/**
 * Test data made through the real services (never by reflection or raw SQL), with unique codes so that
 * tests sharing one database never collide.
 */
@TestComponent
public class Fixtures {

    public static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Organisation organisation;
    private final Users users;
    private final ApiTokens tokens;
    private final Catalog catalog;
    private final Parties parties;

    Fixtures(Organisation organisation, Users users, ApiTokens tokens, Catalog catalog, Parties parties) {
        this.parties = parties;
        this.organisation = organisation;
        this.users = users;
        this.tokens = tokens;
        this.catalog = catalog;
    }

    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 6);
    }

    public SiteView site() {
        return organisation.createSite(
                Actor.system(), new SiteCommand(unique("S"), "Site " + SEQUENCE.get(), "JP", "Nagoya", ""));
    }

    public ProductionLineView line(SiteView site) {
        return organisation.createLine(
                Actor.system(), new ProductionLineCommand(site.id(), unique("L"), "Line " + SEQUENCE.get(), ""));
    }

    public ProductionLineView line() {
        return line(site());
    }

    /** A party of the directory, for participants. */
    public PartyView party(String name, PartyKind kind) {
        return parties.create(
                Actor.system(),
                new PartyCommand(unique(name), kind, "JP", null, null, java.util.List.of(), null, null));
    }

    /** A person of an outside party, as an accepted invitation makes them. */
    public UserView participant(PartyView party) {
        return users.createParticipant(
                unique("participant") + "@party.example", "Test participant", PASSWORD, party.id(), null);
    }

    public UserView user(Role role, ProductionLineView... lines) {
        if (role == Role.PARTICIPANT) return participant(party("Party", PartyKind.COORDINATOR));
        Set<UUID> lineIds =
                java.util.Arrays.stream(lines).map(ProductionLineView::id).collect(java.util.stream.Collectors.toSet());
        return users.create(
                Actor.system(),
                new UserCommand(
                        unique("user") + "@example.com",
                        "Test " + role.label(),
                        PASSWORD,
                        Set.of(role),
                        lineIds,
                        true));
    }

    public Actor actor(Role role, ProductionLineView... lines) {
        UserView user = user(role, lines);
        return actorOf(user);
    }

    public static Actor actorOf(UserView user) {
        return new Actor(
                user.id(),
                user.displayName(),
                Actor.Kind.USER,
                user.roles(),
                user.lineIds(),
                user.partyId() == null ? Set.of() : Set.of(user.partyId()));
    }

    /** An API token acting as the given user. */
    public String token(UserView user) {
        return tokens.issue(actorOf(user), "test", null).secret();
    }

    public ProductFamilyView family() {
        String code = unique("F");
        return catalog.createFamily(Actor.system(), new ProductFamilyCommand(code, "Family " + code, ""));
    }

    public ProductView product(ProductionLineView line) {
        String code = unique("P");
        return catalog.createProduct(Actor.system(), new ProductCommand(code, "Product " + code, "", line.id(), null));
    }

    public ProductView product(ProductionLineView line, ProductFamilyView family) {
        String code = unique("P");
        return catalog.createProduct(
                Actor.system(), new ProductCommand(code, "Product " + code, "", line.id(), family.id()));
    }

    /** A version on the market, released on 2024-03-01, with a CPE and a PURL derived from the product code. */
    public ProductVersionView version(ProductView product, String version) {
        return catalog.createVersion(Actor.system(), product.id(), onMarket(product.code(), version));
    }

    public static ProductVersionCommand onMarket(String productCode, String version) {
        String name = productCode.toLowerCase(java.util.Locale.ROOT);
        return new ProductVersionCommand(
                version,
                "ON_MARKET",
                "2024-03-01",
                null,
                "cpe:2.3:h:example:" + name + ":" + version + ":*:*:*:*:*:*:*",
                "pkg:generic/example/" + name + "@" + version,
                java.util.List.of(productCode + "-EU"));
    }
}
