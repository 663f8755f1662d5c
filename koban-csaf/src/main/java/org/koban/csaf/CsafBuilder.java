package org.koban.csaf;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.koban.csaf.model.Acknowledgment;
import org.koban.csaf.model.AggregateSeverity;
import org.koban.csaf.model.Branch;
import org.koban.csaf.model.CsafDocument;
import org.koban.csaf.model.Cvss;
import org.koban.csaf.model.Cwe;
import org.koban.csaf.model.Distribution;
import org.koban.csaf.model.Document;
import org.koban.csaf.model.Engine;
import org.koban.csaf.model.Flag;
import org.koban.csaf.model.FullProductName;
import org.koban.csaf.model.Generator;
import org.koban.csaf.model.Note;
import org.koban.csaf.model.ProductGroup;
import org.koban.csaf.model.ProductIdentificationHelper;
import org.koban.csaf.model.ProductStatus;
import org.koban.csaf.model.ProductTree;
import org.koban.csaf.model.Publisher;
import org.koban.csaf.model.Reference;
import org.koban.csaf.model.Relationship;
import org.koban.csaf.model.Remediation;
import org.koban.csaf.model.Revision;
import org.koban.csaf.model.Score;
import org.koban.csaf.model.Threat;
import org.koban.csaf.model.Tlp;
import org.koban.csaf.model.Tracking;
import org.koban.csaf.model.Vulnerability;

/**
 * Builds CSAF 2.0 documents. Collections keep the order in which items were added; the product tree helper
 * merges branches, so adding two versions of one product gives one vendor and one product_name branch.
 *
 * <pre>{@code
 * CsafBuilder b = CsafBuilder.securityAdvisory("Example: buffer overflow in Widget")
 *         .publisher("vendor", "Example Corp", "https://example.com")
 *         .tracking("EX-2024-001", "final", "1", "2024-05-01T10:00:00Z")
 *         .revision("1", "2024-05-01T10:00:00Z", "Initial version");
 * String widget = b.products().version("Example Corp", "Widget", "1.2.3", "CSAFPID-1",
 *         CsafBuilder.helper("cpe:2.3:a:example:widget:1.2.3:*:*:*:*:*:*:*", "pkg:generic/example/widget@1.2.3"));
 * b.vulnerability(CsafBuilder.vulnerability().cve("CVE-2024-0001").knownAffected(widget).build());
 * CsafDocument doc = b.build();
 * }</pre>
 */
public final class CsafBuilder {
    private static final Pattern CPE = Pattern.compile(
            "^((cpe:2\\.3:[aho\\*\\-](:(((\\?*|\\*?)([a-zA-Z0-9\\-\\._]|(\\\\[\\\\\\*\\?!\"#\\$%&'\\(\\)\\+,/:;<=>@\\[\\]\\^`\\{\\|\\}~]))+(\\?*|\\*?))|[\\*\\-])){5}(:(([a-zA-Z]{2,3}(-([a-zA-Z]{2}|[0-9]{3}))?)|[\\*\\-]))(:(((\\?*|\\*?)([a-zA-Z0-9\\-\\._]|(\\\\[\\\\\\*\\?!\"#\\$%&'\\(\\)\\+,/:;<=>@\\[\\]\\^`\\{\\|\\}~]))+(\\?*|\\*?))|[\\*\\-])){4})|([c][pP][eE]:/[AHOaho]?(:[A-Za-z0-9\\._\\-~%]*){0,6}))$");

    private final String category;
    private final String title;
    private String lang = "en";
    private String sourceLang;
    private Publisher publisher;
    private String trackingId;
    private String status;
    private String version;
    private String initialReleaseDate;
    private String currentReleaseDate;
    private Generator generator = new Generator(null, new Engine("Koban", null, null), null);
    private final List<Revision> revisions = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();
    private final List<Acknowledgment> acknowledgments = new ArrayList<>();
    private Distribution distribution;
    private AggregateSeverity aggregateSeverity;
    private final ProductTreeBuilder products = new ProductTreeBuilder();
    private final List<Vulnerability> vulnerabilities = new ArrayList<>();

    private CsafBuilder(String category, String title) {
        this.category = Objects.requireNonNull(category);
        this.title = Objects.requireNonNull(title);
    }

    public static CsafBuilder document(String category, String title) {
        return new CsafBuilder(category, title);
    }

    public static CsafBuilder securityAdvisory(String title) {
        return new CsafBuilder("csaf_security_advisory", title);
    }

    public static CsafBuilder vex(String title) {
        return new CsafBuilder("csaf_vex", title);
    }

    public CsafBuilder lang(String lang) {
        this.lang = lang;
        return this;
    }

    public CsafBuilder sourceLang(String sourceLang) {
        this.sourceLang = sourceLang;
        return this;
    }

    public CsafBuilder publisher(String category, String name, String namespace) {
        this.publisher = new Publisher(category, null, null, name, namespace, null);
        return this;
    }

    /** Tracking with the current release date equal to the initial one (change with {@link #currentRelease}). */
    public CsafBuilder tracking(String id, String status, String version, String initialReleaseDate) {
        this.trackingId = id;
        this.status = status;
        this.version = version;
        this.initialReleaseDate = initialReleaseDate;
        this.currentReleaseDate = initialReleaseDate;
        return this;
    }

    public CsafBuilder currentRelease(String version, String date) {
        this.version = version;
        this.currentReleaseDate = date;
        return this;
    }

    public CsafBuilder generator(String engineName, String engineVersion, String date) {
        this.generator = new Generator(date, new Engine(engineName, engineVersion, null), null);
        return this;
    }

    public CsafBuilder revision(String number, String date, String summary) {
        revisions.add(new Revision(date, null, number, summary, null));
        return this;
    }

    public CsafBuilder note(String category, String title, String text) {
        notes.add(new Note(null, category, text, title, null));
        return this;
    }

    public CsafBuilder reference(String category, String url, String summary) {
        references.add(new Reference(category, summary, url, null));
        return this;
    }

    /** A document-level acknowledgment: names and/or an organization, with an optional summary and URLs. */
    public CsafBuilder acknowledgment(List<String> names, String organization, String summary, List<String> urls) {
        acknowledgments.add(new Acknowledgment(
                names == null || names.isEmpty() ? null : names,
                organization,
                summary,
                urls == null || urls.isEmpty() ? null : urls,
                null));
        return this;
    }

    public CsafBuilder tlp(String label) {
        this.distribution = new Distribution(null, new Tlp(label, null, null), null);
        return this;
    }

    public CsafBuilder aggregateSeverity(String text) {
        this.aggregateSeverity = new AggregateSeverity(null, text, null);
        return this;
    }

    /** The product tree being built; product ids it returns go into vulnerabilities. */
    public ProductTreeBuilder products() {
        return products;
    }

    public CsafBuilder vulnerability(Vulnerability vulnerability) {
        vulnerabilities.add(vulnerability);
        return this;
    }

    public CsafDocument build() {
        Tracking tracking = new Tracking(
                null, currentReleaseDate, generator, trackingId, initialReleaseDate, revisions, status, version, null);
        Document document = new Document(
                acknowledgments.isEmpty() ? null : acknowledgments,
                aggregateSeverity,
                category,
                "2.0",
                distribution,
                lang,
                notes.isEmpty() ? null : notes,
                publisher,
                references.isEmpty() ? null : references,
                sourceLang,
                title,
                tracking,
                null);
        ProductTree tree = products.build();
        return new CsafDocument(document, tree, vulnerabilities.isEmpty() ? null : vulnerabilities, null);
    }

    /**
     * A product identification helper with a CPE and/or a PURL (either may be null); both are checked so that
     * a built document passes the schema (CPE pattern) and test 6.1.13 (PURL).
     */
    public static ProductIdentificationHelper helper(String cpe, String purl) {
        if (cpe != null && !CPE.matcher(cpe).matches()) {
            throw new IllegalArgumentException("not a CPE 2.2 or 2.3 name: " + cpe);
        }
        if (purl != null) {
            try {
                new PackageURL(purl);
            } catch (MalformedPackageURLException e) {
                throw new IllegalArgumentException("not a package URL: " + purl, e);
            }
        }
        return new ProductIdentificationHelper(cpe, null, null, purl, null, null, null, null, null);
    }

    /** Builds the product tree: branches vendor → product_name → product_version, products, relationships. */
    public static final class ProductTreeBuilder {
        private final Map<String, MutableBranch> vendors = new LinkedHashMap<>();
        private final List<FullProductName> fullProductNames = new ArrayList<>();
        private final List<Relationship> relationships = new ArrayList<>();
        private final List<ProductGroup> groups = new ArrayList<>();

        private static final class MutableBranch {
            final String category;
            final String name;
            final Map<String, MutableBranch> children = new LinkedHashMap<>();
            FullProductName product;

            MutableBranch(String category, String name) {
                this.category = category;
                this.name = name;
            }

            Branch toRecord() {
                List<Branch> kids = new ArrayList<>();
                children.values().forEach(c -> kids.add(c.toRecord()));
                return new Branch(kids.isEmpty() ? null : kids, category, name, product, null);
            }
        }

        /**
         * Adds the version branch {@code vendor → product → version} (creating the upper branches once) with a
         * product named "vendor product version"; returns {@code productId}.
         */
        public String version(
                String vendor, String product, String version, String productId, ProductIdentificationHelper helper) {
            return version(vendor, null, product, version, productId, helper);
        }

        /**
         * Adds {@code vendor → product_family → product_name → product_version}, or without the family level when
         * {@code family} is null; returns {@code productId}.
         */
        public String version(
                String vendor,
                String family,
                String product,
                String version,
                String productId,
                ProductIdentificationHelper helper) {
            MutableBranch v = vendors.computeIfAbsent(vendor, n -> new MutableBranch("vendor", n));
            MutableBranch parent = family == null
                    ? v
                    : v.children.computeIfAbsent(family, n -> new MutableBranch("product_family", n));
            MutableBranch p = parent.children.computeIfAbsent(product, n -> new MutableBranch("product_name", n));
            MutableBranch leaf = p.children.computeIfAbsent(version, n -> new MutableBranch("product_version", n));
            leaf.product = new FullProductName(vendor + " " + product + " " + version, productId, helper, null);
            return productId;
        }

        /** Adds a product outside the branches ({@code /product_tree/full_product_names}); returns its id. */
        public String fullProductName(String productId, String name, ProductIdentificationHelper helper) {
            fullProductNames.add(new FullProductName(name, productId, helper, null));
            return productId;
        }

        /**
         * Adds a relationship, e.g. {@code default_component_of}, defining the combined product {@code productId};
         * returns that id.
         */
        public String relationship(
                String category, String productReference, String relatesTo, String productId, String name) {
            relationships.add(new Relationship(
                    category, new FullProductName(name, productId, null, null), productReference, relatesTo, null));
            return productId;
        }

        /** Adds a product group; returns its id. */
        public String group(String groupId, String summary, String... productIds) {
            groups.add(new ProductGroup(groupId, List.of(productIds), summary, null));
            return groupId;
        }

        ProductTree build() {
            List<Branch> branches = new ArrayList<>();
            vendors.values().forEach(v -> branches.add(v.toRecord()));
            if (branches.isEmpty() && fullProductNames.isEmpty() && relationships.isEmpty()) {
                return null;
            }
            return new ProductTree(
                    branches.isEmpty() ? null : branches,
                    fullProductNames.isEmpty() ? null : fullProductNames,
                    groups.isEmpty() ? null : groups,
                    relationships.isEmpty() ? null : relationships,
                    null);
        }
    }

    public static VulnerabilityBuilder vulnerability() {
        return new VulnerabilityBuilder();
    }

    /** Builds one {@code /vulnerabilities[]} item. */
    public static final class VulnerabilityBuilder {
        private String cve;
        private String title;
        private Cwe cwe;
        private final List<Note> notes = new ArrayList<>();
        private final Map<String, List<String>> status = new LinkedHashMap<>();
        private final List<Remediation> remediations = new ArrayList<>();
        private final List<Score> scores = new ArrayList<>();
        private final List<Threat> threats = new ArrayList<>();
        private final List<Flag> flags = new ArrayList<>();

        public VulnerabilityBuilder cve(String cve) {
            this.cve = cve;
            return this;
        }

        public VulnerabilityBuilder title(String title) {
            this.title = title;
            return this;
        }

        public VulnerabilityBuilder cwe(String id, String name) {
            this.cwe = new Cwe(id, name, null);
            return this;
        }

        public VulnerabilityBuilder note(String category, String text) {
            notes.add(new Note(null, category, text, null, null));
            return this;
        }

        /** Adds products to a product status group such as {@code known_affected} or {@code fixed}. */
        public VulnerabilityBuilder status(String group, String... productIds) {
            status.computeIfAbsent(group, g -> new ArrayList<>()).addAll(List.of(productIds));
            return this;
        }

        public VulnerabilityBuilder knownAffected(String... productIds) {
            return status("known_affected", productIds);
        }

        public VulnerabilityBuilder fixed(String... productIds) {
            return status("fixed", productIds);
        }

        public VulnerabilityBuilder knownNotAffected(String... productIds) {
            return status("known_not_affected", productIds);
        }

        public VulnerabilityBuilder remediation(String category, String details, String... productIds) {
            remediations.add(
                    new Remediation(category, null, details, null, null, List.of(productIds), null, null, null));
            return this;
        }

        /** A remediation with the URL where to get it (e.g. the fixed firmware), which may be null. */
        public VulnerabilityBuilder remediation(String category, String details, String url, List<String> productIds) {
            remediations.add(
                    new Remediation(category, null, details, null, null, List.copyOf(productIds), null, url, null));
            return this;
        }

        /** A flag such as {@code vulnerable_code_not_present}: why these products are not affected. */
        public VulnerabilityBuilder flag(String label, String... productIds) {
            flags.add(new Flag(null, null, label, List.of(productIds), null));
            return this;
        }

        public VulnerabilityBuilder threat(String category, String details, String... productIds) {
            threats.add(new Threat(category, null, details, null, List.of(productIds), null));
            return this;
        }

        /** A CVSS v3.x score; the base score and severity are computed from the vector. */
        public VulnerabilityBuilder cvssV3(String vector, String... productIds) {
            byte[] metrics = Cvss3.parse(vector);
            if (metrics == null) {
                throw new IllegalArgumentException("not a CVSS v3.0/v3.1 vector: " + vector);
            }
            BigDecimal base =
                    Cvss3.scores(metrics, vector.startsWith("CVSS:3.0/")).base();
            Cvss cvss = new Cvss(vector.substring(5, 8), vector, base, Cvss3.severity(base), null);
            scores.add(new Score(null, cvss, List.of(productIds), null));
            return this;
        }

        public Vulnerability build() {
            ProductStatus productStatus = status.isEmpty()
                    ? null
                    : new ProductStatus(
                            status.get("first_affected"),
                            status.get("first_fixed"),
                            status.get("fixed"),
                            status.get("known_affected"),
                            status.get("known_not_affected"),
                            status.get("last_affected"),
                            status.get("recommended"),
                            status.get("under_investigation"),
                            null);
            return new Vulnerability(
                    null,
                    cve,
                    cwe,
                    null,
                    flags.isEmpty() ? null : flags,
                    null,
                    null,
                    notes.isEmpty() ? null : notes,
                    productStatus,
                    null,
                    null,
                    remediations.isEmpty() ? null : remediations,
                    scores.isEmpty() ? null : scores,
                    threats.isEmpty() ? null : threats,
                    title,
                    null);
        }
    }
}
