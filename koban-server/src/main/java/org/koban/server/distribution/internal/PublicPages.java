package org.koban.server.distribution.internal;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;
import org.koban.server.advisories.Advisories;
import org.koban.server.advisories.AdvisoryDocument;
import org.koban.server.advisories.PublishedAdvisory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The public advisory pages for people: an index with search and filters (product, severity, year, CVE), a page
 * per advisory, and an Atom feed. Koban serves them, and {@link SiteWriter} writes the same pages into the static
 * tree (the index there lists everything, unfiltered).
 */
@Component
public class PublicPages {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    /** One advisory as the index lists it. */
    public record Listed(
            String trackingId,
            String title,
            @Nullable String severity,
            List<String> cves,
            List<String> products,
            int year,
            String published,
            String updated,
            Instant updatedAt,
            String csafUrl,
            AdvisoryDocument document) {}

    /** The index's filters; blank means "any". */
    public record Filter(String q, String product, String cve, String severity, String year) {

        public static Filter none() {
            return new Filter("", "", "", "", "");
        }

        boolean matches(Listed a) {
            return contains(
                            List.of(
                                    a.trackingId(),
                                    a.title(),
                                    String.join(" ", a.cves()),
                                    String.join(" ", a.products())),
                            q)
                    && contains(a.products(), product)
                    && contains(a.cves(), cve)
                    && (severity.isBlank() || severity.equalsIgnoreCase(String.valueOf(a.severity())))
                    && (year.isBlank() || year.equals(String.valueOf(a.year())));
        }

        private static boolean contains(List<String> values, String wanted) {
            if (wanted.isBlank()) return true;
            String needle = wanted.strip().toLowerCase(Locale.ROOT);
            return values.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains(needle));
        }
    }

    private final Advisories advisories;
    private final ITemplateEngine templates;
    private final String publicUrl;
    private final String publisher;

    PublicPages(
            Advisories advisories,
            ITemplateEngine templates,
            org.koban.server.shared.PublicUrl publicUrl,
            @Value("${koban.advisories.publisher-name:Example Manufacturer}") String publisher) {
        this.advisories = advisories;
        this.templates = templates;
        this.publicUrl = publicUrl.base();
        this.publisher = publisher;
    }

    /** Every published advisory, the latest update first. */
    public List<Listed> all() {
        return advisories.published().stream()
                .map(this::listed)
                .sorted(Comparator.comparing(Listed::updatedAt).reversed().thenComparing(Listed::trackingId))
                .toList();
    }

    public List<Listed> find(Filter filter) {
        return all().stream().filter(filter::matches).toList();
    }

    public Optional<Listed> one(String trackingId) {
        return all().stream().filter(a -> a.trackingId().equals(trackingId)).findFirst();
    }

    public String publisher() {
        return publisher;
    }

    /** Where the public pages are, absolute: links in feeds must work wherever they are read. */
    public String pageBase() {
        return publicUrl + "/security/advisories/";
    }

    /** The model of the index page; {@code base} and {@code suffix} make links absolute or static-relative. */
    public Map<String, Object> indexModel(
            List<Listed> listed, Filter filter, boolean searchable, String base, String suffix) {
        return indexModel(listed, all(), filter, searchable, base, suffix);
    }

    private Map<String, Object> indexModel(
            List<Listed> listed,
            List<Listed> everything,
            Filter filter,
            boolean searchable,
            String base,
            String suffix) {
        return Map.of(
                "advisories", listed,
                "filter", filter,
                "searchable", searchable,
                "base", base,
                "suffix", suffix,
                "publisher", publisher,
                "severities", List.of("Critical", "High", "Medium", "Low", "None"),
                "years", new TreeSet<>(everything.stream().map(Listed::year).toList()).descendingSet());
    }

    public Map<String, Object> advisoryModel(Listed advisory, String base, String index) {
        return Map.of("advisory", advisory, "document", advisory.document(), "base", base, "index", index);
    }

    String renderIndexForTree(List<Listed> all) {
        return render("distribution/public-index", indexModel(all, all, Filter.none(), false, "", ".html"));
    }

    String renderAdvisoryForTree(Listed advisory) {
        return render("distribution/public-advisory", advisoryModel(advisory, "", "index.html"));
    }

    private String render(String template, Map<String, Object> model) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariables(model);
        return templates.process(template, context);
    }

    /** An Atom feed (RFC 4287) of the advisories, for people's feed readers. */
    public String atom(String pageBase, String suffix) {
        return atom(all(), pageBase, suffix);
    }

    String atom(List<Listed> all, String pageBase, String suffix) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
            element(xml, "id", publicUrl + "/security/advisories/feed.atom");
            element(xml, "title", "Security advisories of " + publisher);
            element(
                    xml,
                    "updated",
                    all.isEmpty()
                            ? "1970-01-01T00:00:00Z"
                            : SiteWriter.iso(all.getFirst().updatedAt()));
            xml.writeStartElement("author");
            element(xml, "name", publisher);
            xml.writeEndElement();
            link(xml, "self", publicUrl + "/security/advisories/feed.atom", null);
            for (Listed a : all) {
                xml.writeStartElement("entry");
                element(xml, "id", publicUrl + "/security/advisories/" + a.trackingId());
                element(xml, "title", a.trackingId() + ": " + a.title());
                element(xml, "updated", SiteWriter.iso(a.updatedAt()));
                link(xml, "alternate", pageBase + a.trackingId() + suffix, "text/html");
                link(xml, "alternate", a.csafUrl(), "application/json");
                element(
                        xml,
                        "summary",
                        (a.severity() == null ? "" : a.severity() + ". ")
                                + (a.cves().isEmpty() ? "" : String.join(", ", a.cves()) + ". ")
                                + a.title());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The Atom feed could not be written", e);
        }
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, @Nullable String type)
            throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        if (type != null) xml.writeAttribute("type", type);
    }

    private Listed listed(PublishedAdvisory a) {
        AdvisoryDocument document = AdvisoryDocument.of(a.csaf());
        return new Listed(
                a.trackingId(),
                a.title(),
                document.severity(),
                document.cves(),
                document.products(),
                a.year(),
                DAY.format(a.initialReleaseDate()),
                DAY.format(a.currentReleaseDate()),
                a.currentReleaseDate(),
                publicUrl + "/.well-known/csaf/" + a.path(),
                document);
    }
}
