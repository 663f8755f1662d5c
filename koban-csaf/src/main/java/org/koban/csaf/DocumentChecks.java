package org.koban.csaf;

import static org.koban.csaf.Tree.arr;
import static org.koban.csaf.Tree.obj;
import static org.koban.csaf.Tree.str;
import static org.koban.csaf.Tree.strings;

import com.ethlo.time.ITU;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.koban.csaf.CompiledSchema.Path;
import org.koban.csaf.Finding.Severity;
import org.koban.csaf.Tree.Indexed;

/**
 * The tests of section 6 over one parsed document. The product tree is indexed once (definitions,
 * references, groups); every test then reads that index or walks only the part of the tree it concerns.
 * One instance per document: not thread-safe, not shared.
 */
final class DocumentChecks {
    private static final String PT = "/product_tree";
    private static final Path P_PT = Path.ROOT.child("product_tree");
    private static final List<String> STATUS_GROUPS = List.of(
            "first_affected",
            "first_fixed",
            "fixed",
            "known_affected",
            "known_not_affected",
            "last_affected",
            "recommended",
            "under_investigation");
    private static final Set<String> PROFILES = Set.of(
            "csaf_base",
            "csaf_security_incident_response",
            "csaf_informational_advisory",
            "csaf_security_advisory",
            "csaf_vex");
    private static final Set<String> VEX_JUSTIFICATIONS = Set.of(
            "component_not_present",
            "inline_mitigations_already_exist",
            "vulnerable_code_cannot_be_controlled_by_adversary",
            "vulnerable_code_not_in_execute_path",
            "vulnerable_code_not_present");
    private static final List<String> VERSION_RANGE_WORDS =
            List.of("<", "<=", ">", ">=", "after", "all", "before", "earlier", "later", "prior", "versions");
    private static final Set<String> SUMMARY_NOTES = Set.of("description", "details", "general", "summary");
    private static final List<String> VEX_STATUSES =
            List.of("fixed", "known_affected", "known_not_affected", "under_investigation");
    private static final Pattern CVE = Pattern.compile("^CVE-[0-9]{4}-[0-9]{4,}$");
    private static final Pattern VERS = Pattern.compile("^vers:[a-z\\.\\-\\+][a-z0-9\\.\\-\\+]*/.+");
    private static final Pattern V_VERSION = Pattern.compile("^[vV][0-9].*$");

    private final JsonValue root;
    private final Catalogues catalogues;
    private final List<Finding> findings;

    private final JsonValue document;
    private final JsonValue productTree;
    private final String category;

    /** A product_id defined in a full_product_name: the id, the full_product_name and its pointer. */
    private record Definition(String id, JsonValue fullProductName, Path fullProductNamePath) {
        Path path() {
            return fullProductNamePath.child("product_id");
        }
    }

    /**
     * A reference to a product id or group id and where it is: element {@code index} of the array at
     * {@code array}, or {@code array} itself for a single value ({@code index} -1). The pointer is built only for a
     * finding.
     */
    private record Ref(String id, Path array, int index) {
        Path path() {
            return index < 0 ? array : array.child(index);
        }
    }

    // Sized for a typical advisory: growing the lists step by step showed in profiles.
    private final List<Definition> definitions = new ArrayList<>(64);
    private final List<Ref> productRefs = new ArrayList<>(256);
    private final Map<String, Set<String>> groups = new HashMap<>();
    /** Branch nodes that carry a product, with the categories of their ancestors (themselves included). */
    private final List<BranchLeaf> branchLeaves = new ArrayList<>();

    private final List<Branch> allBranches = new ArrayList<>(64);

    private record BranchLeaf(Path path, Categories categories) {}

    /** The categories of a branch and its ancestors, sharing the ancestors' part (the root first in the list). */
    private record Categories(String category, Categories parent) {
        List<String> list() {
            List<String> all = parent == null ? new ArrayList<>() : parent.list();
            all.add(category);
            return all;
        }
    }

    /** A branch with its category (null if absent or not a string), read once by the index for all tests. */
    private record Branch(JsonValue node, Path path, String category) {}

    /** Catalogues shared by all documents. */
    record Catalogues(CweCatalogue cwe, LanguageTags languages) {}

    DocumentChecks(JsonValue root, Catalogues catalogues, List<Finding> findings) {
        this.root = root;
        this.catalogues = catalogues;
        this.findings = findings;
        this.document = obj(root, "document");
        this.productTree = obj(root, "product_tree");
        this.category = str(document, "category");
        indexProductTree();
    }

    // ------------------------------------------------------------------------------------------------ index

    private void indexProductTree() {
        if (productTree != null) {
            List<JsonValue> branches = arr(productTree, "branches");
            Path branchesPath = P_PT.child("branches");
            for (int i = 0; i < branches.size(); i++) {
                walkBranch(branches.get(i), branchesPath.child(i), null);
            }
            List<JsonValue> fpns = arr(productTree, "full_product_names");
            for (int i = 0; i < fpns.size(); i++) {
                define(fpns.get(i), P_PT.child("full_product_names").child(i));
            }
            List<JsonValue> rels = arr(productTree, "relationships");
            for (int i = 0; i < rels.size(); i++) {
                JsonValue rel = rels.get(i);
                Path p = P_PT.child("relationships").child(i);
                JsonValue fpn = obj(rel, "full_product_name");
                if (fpn != null) {
                    define(fpn, p.child("full_product_name"));
                }
                addRef(str(rel, "product_reference"), p, "product_reference");
                addRef(str(rel, "relates_to_product_reference"), p, "relates_to_product_reference");
            }
            List<JsonValue> pgs = arr(productTree, "product_groups");
            for (int i = 0; i < pgs.size(); i++) {
                JsonValue g = pgs.get(i);
                String gid = str(g, "group_id");
                Set<String> members = new LinkedHashSet<>();
                for (Indexed id : strings(g, "product_ids")) {
                    members.add(id.value());
                }
                addRefs(
                        g == null ? null : g.member("product_ids"),
                        P_PT.child("product_groups").child(i),
                        "product_ids");
                if (gid != null) {
                    groups.computeIfAbsent(gid, k -> new LinkedHashSet<>()).addAll(members);
                }
            }
        }
        List<JsonValue> vulns = arr(root, "vulnerabilities");
        for (int v = 0; v < vulns.size(); v++) {
            JsonValue vuln = vulns.get(v);
            Path vp = Path.ROOT.child("vulnerabilities").child(v);
            JsonValue status = obj(vuln, "product_status");
            if (status != null) {
                Path statusPath = vp.child("product_status");
                for (String group : STATUS_GROUPS) {
                    addRefs(status.member(group), statusPath, group);
                }
            }
            refsIn(vuln, "remediations", "product_ids", vp);
            refsIn(vuln, "scores", "products", vp);
            refsIn(vuln, "threats", "product_ids", vp);
            refsIn(vuln, "flags", "product_ids", vp);
        }
    }

    private void refsIn(JsonValue vuln, String list, String field, Path vp) {
        List<JsonValue> items = arr(vuln, list);
        Path listPath = null;
        for (int i = 0; i < items.size(); i++) {
            JsonValue item = items.get(i);
            JsonValue ids = item.member(field);
            if (ids != null && ids.isArray() && ids.size() > 0) {
                if (listPath == null) {
                    listPath = vp.child(list);
                }
                addRefs(ids, listPath.child(i), field);
            }
        }
    }

    /** The string elements of {@code ids} (if an array) as references; its pointer is {@code parent/field}. */
    private void addRefs(JsonValue ids, Path parent, String field) {
        if (ids == null || !ids.isArray()) {
            return;
        }
        Path idsPath = null;
        for (int j = 0; j < ids.size(); j++) {
            JsonValue id = ids.value(j);
            if (id.isString()) {
                if (idsPath == null) {
                    idsPath = parent.child(field);
                }
                productRefs.add(new Ref(id.asString(), idsPath, j));
            }
        }
    }

    private void addRef(String id, Path parent, String field) {
        if (id != null) {
            productRefs.add(new Ref(id, parent.child(field), -1));
        }
    }

    private void walkBranch(JsonValue branch, Path path, Categories ancestors) {
        if (branch == null || !branch.isObject()) {
            return;
        }
        String category = str(branch, "category");
        allBranches.add(new Branch(branch, path, category));
        Categories categories = new Categories(String.valueOf(category), ancestors);
        JsonValue product = obj(branch, "product");
        if (product != null) {
            Path productPath = path.child("product");
            define(product, productPath);
            branchLeaves.add(new BranchLeaf(productPath, categories));
        }
        List<JsonValue> children = arr(branch, "branches");
        if (!children.isEmpty()) {
            Path childrenPath = path.child("branches");
            for (int i = 0; i < children.size(); i++) {
                walkBranch(children.get(i), childrenPath.child(i), categories);
            }
        }
    }

    private void define(JsonValue fpn, Path path) {
        definitions.add(new Definition(str(fpn, "product_id"), fpn, path));
    }

    private void error(String test, String path, String message) {
        findings.add(new Finding(test, Severity.ERROR, path, message));
    }

    private void warning(String test, String path, String message) {
        findings.add(new Finding(test, Severity.WARNING, path, message));
    }

    private void info(String test, String path, String message) {
        findings.add(new Finding(test, Severity.INFO, path, message));
    }

    // ------------------------------------------------------------------------------------- mandatory tests

    /** @param cleanCvss CVSS objects already validated without error against the named CVSS schemas */
    void runMandatory(SchemaCheck schema, Map<JsonValue, Set<String>> cleanCvss) {
        t6_1_1();
        t6_1_2();
        t6_1_3();
        t6_1_4();
        t6_1_5();
        t6_1_6();
        t6_1_7();
        t6_1_8(schema, cleanCvss);
        t6_1_9();
        t6_1_10();
        t6_1_11();
        t6_1_12();
        t6_1_13();
        t6_1_14();
        t6_1_15();
        t6_1_16();
        t6_1_17();
        t6_1_18();
        t6_1_19();
        t6_1_20();
        t6_1_21();
        t6_1_22();
        t6_1_23();
        t6_1_24();
        t6_1_25();
        t6_1_26();
        t6_1_27();
        t6_1_28();
        t6_1_29();
        t6_1_30();
        t6_1_31();
        t6_1_32();
        t6_1_33();
    }

    private Map<String, Definition> firstDefinitions;

    /** Each defined product id with its first definition (for 6.1.1 and 6.1.2). */
    private Map<String, Definition> firstDefinitions() {
        if (firstDefinitions == null) {
            firstDefinitions = new HashMap<>(definitions.size() * 2);
            for (Definition d : definitions) {
                if (d.id() != null) {
                    firstDefinitions.putIfAbsent(d.id(), d);
                }
            }
        }
        return firstDefinitions;
    }

    /** 6.1.1 Missing Definition of Product ID. */
    void t6_1_1() {
        Map<String, Definition> defined = firstDefinitions();
        for (Ref ref : productRefs) {
            if (!defined.containsKey(ref.id())) {
                error(
                        "6.1.1",
                        ref.path().toString(),
                        "Product ID '" + ref.id() + "' is referenced but not defined in the product tree");
            }
        }
    }

    /** 6.1.2 Multiple Definition of Product ID. */
    void t6_1_2() {
        Map<String, Definition> first = firstDefinitions();
        for (Definition d : definitions) {
            if (d.id() == null) {
                continue;
            }
            Definition earlier = first.get(d.id());
            if (earlier != d) {
                error(
                        "6.1.2",
                        d.path().toString(),
                        "Product ID '" + d.id() + "' is already defined at " + earlier.path());
            }
        }
    }

    /** 6.1.3 Circular Definition of Product ID: following relationship references never leads back. */
    void t6_1_3() {
        List<JsonValue> rels = arr(productTree, "relationships");
        Map<String, List<String>> edges = new HashMap<>();
        for (JsonValue rel : rels) {
            String id = str(obj(rel, "full_product_name"), "product_id");
            if (id == null) {
                continue;
            }
            List<String> targets = edges.computeIfAbsent(id, k -> new ArrayList<>());
            for (String f : List.of("product_reference", "relates_to_product_reference")) {
                String t = str(rel, f);
                if (t != null) {
                    targets.add(t);
                }
            }
        }
        for (int i = 0; i < rels.size(); i++) {
            String id = str(obj(rels.get(i), "full_product_name"), "product_id");
            if (id != null && reaches(edges, id)) {
                error(
                        "6.1.3",
                        PT + "/relationships/" + i + "/full_product_name/product_id",
                        "Product ID '" + id + "' is defined through a relationship that refers back to itself");
            }
        }
    }

    private static boolean reaches(Map<String, List<String>> edges, String start) {
        Deque<String> todo = new ArrayDeque<>(edges.getOrDefault(start, List.of()));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (next.equals(start)) {
                return true;
            }
            if (seen.add(next)) {
                todo.addAll(edges.getOrDefault(next, List.of()));
            }
        }
        return false;
    }

    /** All group_ids references in vulnerabilities. */
    private List<Ref> groupRefs() {
        List<Ref> refs = new ArrayList<>();
        List<JsonValue> vulns = arr(root, "vulnerabilities");
        for (int v = 0; v < vulns.size(); v++) {
            for (String list : List.of("flags", "remediations", "threats")) {
                List<JsonValue> items = arr(vulns.get(v), list);
                for (int i = 0; i < items.size(); i++) {
                    for (Indexed g : strings(items.get(i), "group_ids")) {
                        refs.add(new Ref(
                                g.value(),
                                Path.ROOT
                                        .child("vulnerabilities")
                                        .child(v)
                                        .child(list)
                                        .child(i)
                                        .child("group_ids"),
                                g.index()));
                    }
                }
            }
        }
        return refs;
    }

    /** 6.1.4 Missing Definition of Product Group ID. */
    void t6_1_4() {
        for (Ref ref : groupRefs()) {
            if (!groups.containsKey(ref.id())) {
                error(
                        "6.1.4",
                        ref.path().toString(),
                        "Product group ID '" + ref.id() + "' is referenced but not defined");
            }
        }
    }

    /** 6.1.5 Multiple Definition of Product Group ID. */
    void t6_1_5() {
        Map<String, String> first = new HashMap<>();
        List<JsonValue> pgs = arr(productTree, "product_groups");
        for (int i = 0; i < pgs.size(); i++) {
            String gid = str(pgs.get(i), "group_id");
            String p = PT + "/product_groups/" + i + "/group_id";
            if (gid != null) {
                String earlier = first.putIfAbsent(gid, p);
                if (earlier != null) {
                    error("6.1.5", p, "Product group ID '" + gid + "' is already defined at " + earlier);
                }
            }
        }
    }

    /** The contradiction group of each of {@link #STATUS_GROUPS}, in its order (null: in none). */
    private static final String[] CONTRADICTION_GROUPS =
            STATUS_GROUPS.stream().map(DocumentChecks::contradictionGroup).toArray(String[]::new);

    private static String contradictionGroup(String status) {
        return switch (status) {
            case "first_affected", "known_affected", "last_affected" -> "affected";
            case "known_not_affected" -> "not affected";
            case "first_fixed", "fixed" -> "fixed";
            case "under_investigation" -> "under investigation";
            default -> null;
        };
    }

    /** Whether product ids are listed under statuses of more than one contradiction group. */
    private static boolean severalContradictionGroups(JsonValue status) {
        if (status == null) {
            return false;
        }
        String first = null;
        for (int i = 0; i < STATUS_GROUPS.size(); i++) {
            String group = CONTRADICTION_GROUPS[i];
            JsonValue ids = status.member(STATUS_GROUPS.get(i));
            if (group != null && ids != null && ids.isArray() && ids.size() > 0) {
                if (first == null) {
                    first = group;
                } else if (!first.equals(group)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** 6.1.6 Contradicting Product Status. */
    void t6_1_6() {
        List<JsonValue> vulns = arr(root, "vulnerabilities");
        Map<String, String> groupOf = new HashMap<>(); // cleared per vulnerability, keeping its table
        for (int v = 0; v < vulns.size(); v++) {
            JsonValue status = obj(vulns.get(v), "product_status");
            if (!severalContradictionGroups(status)) {
                continue; // the usual case: statuses of one kind cannot contradict each other
            }
            groupOf.clear();
            for (int i = 0; i < STATUS_GROUPS.size(); i++) {
                String s = STATUS_GROUPS.get(i);
                String group = CONTRADICTION_GROUPS[i];
                if (group == null) {
                    continue;
                }
                for (Indexed id : strings(status, s)) {
                    String earlier = groupOf.putIfAbsent(id.value(), group);
                    if (earlier != null && !earlier.equals(group)) {
                        error(
                                "6.1.6",
                                "/vulnerabilities/" + v + "/product_status/" + s + "/" + id.index(),
                                "Product ID '" + id.value() + "' is in the contradicting product status groups '"
                                        + earlier + "' and '" + group + "'");
                    }
                }
            }
        }
    }

    /** 6.1.7 Multiple Scores with same Version per Product. */
    void t6_1_7() {
        List<JsonValue> vulns = arr(root, "vulnerabilities");
        Map<String, Set<String>> seenByVersion = new HashMap<>(4);
        for (int v = 0; v < vulns.size(); v++) {
            seenByVersion.clear();
            List<JsonValue> scores = arr(vulns.get(v), "scores");
            for (int s = 0; s < scores.size(); s++) {
                List<String> versions = new ArrayList<>(2);
                for (String key : List.of("cvss_v2", "cvss_v3")) {
                    String version = str(obj(scores.get(s), key), "version");
                    if (version != null) {
                        versions.add(version);
                    }
                }
                if (versions.isEmpty()) {
                    continue;
                }
                if (scores.size() == 1
                        && (versions.size() == 1 || !versions.get(0).equals(versions.get(1)))) {
                    JsonValue products = scores.get(s).member("products");
                    if (products == null || !products.isArray() || products.hasDistinctValues()) {
                        continue; // the usual case: one score, each product once
                    }
                }
                for (Indexed p : strings(scores.get(s), "products")) {
                    for (String version : versions) {
                        if (!seenByVersion
                                .computeIfAbsent(version, k -> new HashSet<>())
                                .add(p.value())) {
                            error(
                                    "6.1.7",
                                    "/vulnerabilities/" + v + "/scores/" + s + "/products/" + p.index(),
                                    "Product ID '" + p.value() + "' already has a CVSS " + version
                                            + " score in this vulnerability");
                        }
                    }
                }
            }
        }
    }

    /** Every CVSS object: (pointer, object, "cvss_v2"|"cvss_v3"). */
    private record CvssAt(JsonValue cvss, boolean v2, int vuln, int score, byte[] metrics) {
        /** Parses the vector once for tests 6.1.9 and 6.1.10; null if malformed. */
        static CvssAt of(JsonValue cvss, boolean v2, int vuln, int score) {
            return new CvssAt(cvss, v2, vuln, score, parse(cvss, v2));
        }

        static byte[] parse(JsonValue cvss, boolean v2) {
            String vector = str(cvss, "vectorString");
            return v2 ? Cvss2.parse(vector) : Cvss3.parse(vector);
        }

        String path() {
            return "/vulnerabilities/" + vuln + "/scores/" + score + (v2 ? "/cvss_v2" : "/cvss_v3");
        }

        CvssMetrics definitions() {
            return definitions(v2);
        }

        static CvssMetrics definitions(boolean v2) {
            return v2 ? Cvss2.METRICS : Cvss3.METRICS;
        }
    }

    private List<CvssAt> cvss;

    private List<CvssAt> cvssObjects() {
        if (cvss == null) {
            cvss = findCvss();
        }
        return cvss;
    }

    private List<CvssAt> findCvss() {
        List<CvssAt> all = new ArrayList<>();
        List<JsonValue> vulns = arr(root, "vulnerabilities");
        for (int v = 0; v < vulns.size(); v++) {
            List<JsonValue> scores = arr(vulns.get(v), "scores");
            for (int s = 0; s < scores.size(); s++) {
                JsonValue v2 = obj(scores.get(s), "cvss_v2");
                JsonValue v3 = obj(scores.get(s), "cvss_v3");
                if (v2 != null) {
                    all.add(CvssAt.of(v2, true, v, s));
                }
                if (v3 != null) {
                    all.add(CvssAt.of(v3, false, v, s));
                }
            }
        }
        return all;
    }

    /** 6.1.8 Invalid CVSS: each CVSS object against the FIRST schema of its version. */
    void t6_1_8(SchemaCheck schema, Map<JsonValue, Set<String>> cleanCvss) {
        for (CvssAt c : cvssObjects()) {
            String version = c.v2() ? "2.0" : str(c.cvss(), "version");
            Set<String> clean = cleanCvss.get(c.cvss());
            if (clean != null && clean.contains(version)) {
                continue; // the schema pass validated this object against the same schema, without error
            }
            CompiledSchema.Path base = CompiledSchema.Path.ROOT
                    .child("vulnerabilities")
                    .child(c.vuln())
                    .child("scores")
                    .child(c.score())
                    .child(c.v2() ? "cvss_v2" : "cvss_v3");
            CompiledSchema.Sink sink = new CompiledSchema.Sink() {
                @Override
                public void error(CompiledSchema.Path path, String message) {
                    DocumentChecks.this.error(
                            "6.1.8", path.toString(), "Invalid CVSS " + version + " object: " + message);
                }

                @Override
                public void additional(CompiledSchema.Path path, String property) {
                    // Unknown properties are test 6.2.20's concern, not 6.1.8's.
                }
            };
            if (c.v2() || "3.0".equals(version) || "3.1".equals(version)) {
                schema.compiled().validateNamed(version, c.cvss(), base, sink);
            } else {
                error("6.1.8", c.path() + "/version", "CVSS v3 version must be 3.0 or 3.1, is " + version);
            }
        }
    }

    /** 6.1.9 Invalid CVSS computation. */
    void t6_1_9() {
        for (CvssAt c : cvssObjects()) {
            String vector = str(c.cvss(), "vectorString");
            Cvss3.Scores computed;
            byte[] m = c.metrics();
            if (m == null) {
                continue; // a malformed vector is test 6.1.8's (schema pattern) finding
            }
            computed = c.v2() ? Cvss2.scores(m) : Cvss3.scores(m, vector.startsWith("CVSS:3.0/"));
            compareScore(c, "baseScore", computed.base(), c.v2() ? null : "baseSeverity");
            compareScore(c, "temporalScore", computed.temporal(), c.v2() ? null : "temporalSeverity");
            compareScore(c, "environmentalScore", computed.environmental(), c.v2() ? null : "environmentalSeverity");
        }
    }

    private void compareScore(CvssAt c, String field, BigDecimal expected, String severityField) {
        JsonValue given = c.cvss().member(field);
        if (given != null && given.isNumber() && given.decimalValue().compareTo(expected) != 0) {
            error(
                    "6.1.9",
                    c.path() + "/" + field,
                    field + " is " + given.decimalValue().toPlainString() + " but the vector gives " + expected);
        }
        if (severityField != null) {
            String severity = str(c.cvss(), severityField);
            // The severity follows the given score if that is a number (a wrong score is reported above).
            BigDecimal score = given != null && given.isNumber() ? given.decimalValue() : expected;
            if (severity != null && !severity.equals(Cvss3.severity(score))) {
                error(
                        "6.1.9",
                        c.path() + "/" + severityField,
                        severityField + " is " + severity + " but a score of " + score.toPlainString() + " is "
                                + Cvss3.severity(score));
            }
        }
    }

    /** 6.1.10 Inconsistent CVSS: the metric properties must say what the vector says. */
    void t6_1_10() {
        for (CvssAt c : cvssObjects()) {
            String vector = str(c.cvss(), "vectorString");
            byte[] m = c.metrics();
            if (m == null) {
                continue;
            }
            if (!c.v2()) {
                String version = str(c.cvss(), "version");
                if (version != null && !vector.startsWith("CVSS:" + version + "/")) {
                    error("6.1.10", c.path() + "/version", "version " + version + " contradicts the vector " + vector);
                }
            }
            // Only metrics the vector states count: a property for a metric the vector leaves out does not
            // contradict it (the official valid examples for 6.2.19 rely on this).
            CvssMetrics metrics = c.definitions();
            for (int i = 0; i < metrics.count(); i++) {
                if (!metrics.stated(m, i)) {
                    continue;
                }
                String property = metrics.property(i);
                String given = str(c.cvss(), property);
                String fromVector = metrics.name(m, i);
                if (given != null && !given.equals(fromVector)) {
                    error(
                            "6.1.10",
                            c.path() + "/" + property,
                            property + " is " + given + " but the vector says " + metrics.key(i) + ":"
                                    + metrics.value(m, i) + " (" + fromVector + ")");
                }
            }
        }
    }

    /** 6.1.11 CWE: the id exists in the catalogue and the name is exactly the catalogue's. */
    void t6_1_11() {
        List<JsonValue> vulns = arr(root, "vulnerabilities");
        for (int v = 0; v < vulns.size(); v++) {
            JsonValue cwe = obj(vulns.get(v), "cwe");
            if (cwe == null) {
                continue;
            }
            String id = str(cwe, "id");
            String name = str(cwe, "name");
            String p = "/vulnerabilities/" + v + "/cwe";
            if (id == null) {
                continue;
            }
            String expected = catalogues.cwe().weaknessName(id);
            if (expected == null) {
                String kind = catalogues.cwe().otherKind(id);
                error(
                        "6.1.11",
                        p + "/id",
                        kind == null
                                ? id + " is not in the CWE catalogue"
                                : id + " is a CWE " + kind + ", not a weakness");
            } else if (name != null && !name.equals(expected)) {
                error("6.1.11", p + "/name", "The name of " + id + " is '" + expected + "', not '" + name + "'");
            }
        }
    }

    /** 6.1.12 Language. */
    void t6_1_12() {
        for (String field : List.of("lang", "source_lang")) {
            String tag = str(document, field);
            if (tag != null && !catalogues.languages().isValid(tag)) {
                error(
                        "6.1.12",
                        "/document/" + field,
                        "'" + tag + "' is not a valid language tag with subtags registered at IANA");
            }
        }
    }

    /** Every full_product_name's product_identification_helper with its pointer. */
    private List<Map.Entry<Path, JsonValue>> helpers;

    private List<Map.Entry<Path, JsonValue>> helpers() {
        if (helpers == null) {
            helpers = findHelpers();
        }
        return helpers;
    }

    private List<Map.Entry<Path, JsonValue>> findHelpers() {
        List<Map.Entry<Path, JsonValue>> list = new ArrayList<>();
        for (Definition d : definitions) {
            JsonValue helper = obj(d.fullProductName(), "product_identification_helper");
            if (helper != null) {
                list.add(Map.entry(d.fullProductNamePath().child("product_identification_helper"), helper));
            }
        }
        return list;
    }

    /** 6.1.13 PURL. */
    void t6_1_13() {
        for (Map.Entry<Path, JsonValue> h : helpers()) {
            String purl = str(h.getValue(), "purl");
            if (purl == null) {
                continue;
            }
            String problem = purlProblem(purl);
            if (problem != null) {
                error("6.1.13", h.getKey() + "/purl", "'" + purl + "' is not a valid package URL: " + problem);
            }
        }
    }

    static String purlProblem(String purl) {
        try {
            new PackageURL(purl);
            return null;
        } catch (MalformedPackageURLException | RuntimeException e) {
            return String.valueOf(e.getMessage());
        }
    }

    /** Revision history items with their index, sorted ascending by date (then by number for equal dates). */
    private record Revision(int index, String number, String date, OffsetDateTime time) {}

    private List<Revision> revisions;

    /** A fresh, sortable copy of the revision history sorted by date (dates are parsed once per document). */
    private List<Revision> revisionsByDate() {
        if (revisions == null) {
            revisions = parseRevisions();
        }
        return new ArrayList<>(revisions);
    }

    private List<Revision> parseRevisions() {
        List<Revision> list = new ArrayList<>();
        List<JsonValue> items = arr(obj(document, "tracking"), "revision_history");
        for (int i = 0; i < items.size(); i++) {
            String date = str(items.get(i), "date");
            list.add(new Revision(i, str(items.get(i), "number"), date, time(date)));
        }
        list.sort(Comparator.comparing(Revision::time, Comparator.nullsLast(Comparator.naturalOrder())));
        return list;
    }

    /** RFC 3339 date-time (ITU parser: several times faster than java.time's formatter), null if invalid. */
    static OffsetDateTime time(String date) {
        if (date == null) {
            return null;
        }
        try {
            return ITU.parseDateTime(date);
        } catch (DateTimeException | IllegalArgumentException e) {
            return null;
        }
    }

    private static int compareTime(OffsetDateTime a, OffsetDateTime b) {
        return a.toInstant().compareTo(b.toInstant());
    }

    private String tracking(String field) {
        return str(obj(document, "tracking"), field);
    }

    /** 6.1.14 Sorted Revision History: by date ascending, numbers must ascend too. */
    void t6_1_14() {
        List<Revision> byDate = revisionsByDate();
        // Equal dates say nothing about the order, so they are ordered by number before comparing neighbours.
        byDate.sort((a, b) -> {
            int c = a.time() == null || b.time() == null ? 0 : compareTime(a.time(), b.time());
            return c != 0 ? c : Versions.compare(a.number(), b.number());
        });
        for (int i = 1; i < byDate.size(); i++) {
            Revision prev = byDate.get(i - 1);
            Revision cur = byDate.get(i);
            if (prev.number() != null && cur.number() != null && Versions.compare(prev.number(), cur.number()) > 0) {
                error(
                        "6.1.14",
                        "/document/tracking/revision_history/" + cur.index() + "/number",
                        "Revision " + cur.number() + " (" + cur.date() + ") is dated after revision " + prev.number()
                                + " (" + prev.date() + ") but has a lower number");
            }
        }
    }

    /** 6.1.15 Translator. */
    void t6_1_15() {
        if ("translator".equals(str(obj(document, "publisher"), "category")) && str(document, "source_lang") == null) {
            error("6.1.15", "/document/source_lang", "The publisher is a translator but source_lang is missing");
        }
    }

    /** The last revision when sorted ascending by date; equal dates are ordered by number. */
    private Revision latestRevision() {
        Revision latest = null;
        for (Revision r : revisionsByDate()) {
            if (latest == null
                    || (r.time() != null
                            && latest.time() != null
                            && (compareTime(r.time(), latest.time()) > 0
                                    || (compareTime(r.time(), latest.time()) == 0
                                            && Versions.compare(r.number(), latest.number()) > 0)))) {
                latest = r;
            }
        }
        return latest;
    }

    /** 6.1.16 Latest Document Version. */
    void t6_1_16() {
        String version = tracking("version");
        Revision latest = latestRevision();
        if (version == null || latest == null || latest.number() == null) {
            return;
        }
        boolean draft = "draft".equals(tracking("status"));
        String a = Versions.withoutBuild(version);
        String b = Versions.withoutBuild(latest.number());
        if (draft) {
            a = Versions.withoutPreRelease(a);
            b = Versions.withoutPreRelease(b);
        }
        if (!a.equals(b)) {
            error(
                    "6.1.16",
                    "/document/tracking/version",
                    "The document version " + version + " is not the number of the latest revision (" + latest.number()
                            + ")");
        }
    }

    /** 6.1.17 Document Status Draft. */
    void t6_1_17() {
        String version = tracking("version");
        String status = tracking("status");
        if (version != null
                && status != null
                && !status.equals("draft")
                && (Versions.isZero(version) || Versions.hasPreRelease(version))) {
            error(
                    "6.1.17",
                    "/document/tracking/status",
                    "The document version " + version + " requires the status draft, not " + status);
        }
    }

    private boolean released() {
        String status = tracking("status");
        return "final".equals(status) || "interim".equals(status);
    }

    /** 6.1.18 Released Revision History. */
    void t6_1_18() {
        if (!released()) {
            return;
        }
        List<JsonValue> items = arr(obj(document, "tracking"), "revision_history");
        for (int i = 0; i < items.size(); i++) {
            String n = str(items.get(i), "number");
            if (Versions.isZero(n)) {
                error(
                        "6.1.18",
                        "/document/tracking/revision_history/" + i + "/number",
                        "A " + tracking("status") + " document must not have revision " + n);
            }
        }
    }

    /** 6.1.19 Revision History Entries for Pre-release Versions. */
    void t6_1_19() {
        List<JsonValue> items = arr(obj(document, "tracking"), "revision_history");
        for (int i = 0; i < items.size(); i++) {
            String n = str(items.get(i), "number");
            if (Versions.hasPreRelease(n)) {
                error(
                        "6.1.19",
                        "/document/tracking/revision_history/" + i + "/number",
                        "Revision number " + n + " has a pre-release part");
            }
        }
    }

    /** 6.1.20 Non-draft Document Version. */
    void t6_1_20() {
        String version = tracking("version");
        if (released() && Versions.hasPreRelease(version)) {
            error(
                    "6.1.20",
                    "/document/tracking/version",
                    "A " + tracking("status") + " document must not have the pre-release version " + version);
        }
    }

    /** 6.1.21 Missing Item in Revision History. */
    void t6_1_21() {
        List<Revision> byDate = revisionsByDate();
        byDate.sort((a, b) -> {
            int c = a.time() == null || b.time() == null ? 0 : compareTime(a.time(), b.time());
            return c != 0 ? c : Versions.compare(a.number(), b.number());
        });
        BigInteger previous = null;
        for (Revision r : byDate) {
            BigInteger major = Versions.major(r.number());
            if (major == null) {
                continue;
            }
            String p = "/document/tracking/revision_history/" + r.index() + "/number";
            if (previous == null) {
                if (major.compareTo(BigInteger.ONE) > 0) {
                    error("6.1.21", p, "The first revision is " + r.number() + "; it must be 0 or 1 (major version)");
                }
            } else if (major.subtract(previous).compareTo(BigInteger.ONE) > 0) {
                error(
                        "6.1.21",
                        p,
                        "Revision " + r.number() + " follows major version " + previous
                                + "; the version(s) in between are missing");
            }
            previous = major;
        }
    }

    /** 6.1.22 Multiple Definition in Revision History. */
    void t6_1_22() {
        Map<String, Integer> seen = new HashMap<>();
        List<JsonValue> items = arr(obj(document, "tracking"), "revision_history");
        for (int i = 0; i < items.size(); i++) {
            String n = str(items.get(i), "number");
            if (n != null) {
                Integer earlier = seen.putIfAbsent(n, i);
                if (earlier != null) {
                    error(
                            "6.1.22",
                            "/document/tracking/revision_history/" + i + "/number",
                            "Revision number " + n + " is already used by revision_history/" + earlier);
                }
            }
        }
    }

    /** 6.1.23 Multiple Use of Same CVE. */
    void t6_1_23() {
        Map<String, Integer> seen = new HashMap<>();
        List<JsonValue> vulns = arr(root, "vulnerabilities");
        for (int v = 0; v < vulns.size(); v++) {
            String cve = str(vulns.get(v), "cve");
            if (cve != null) {
                Integer earlier = seen.putIfAbsent(cve, v);
                if (earlier != null) {
                    error(
                            "6.1.23",
                            "/vulnerabilities/" + v + "/cve",
                            cve + " is already used in /vulnerabilities/" + earlier);
                }
            }
        }
    }

    /** 6.1.24 Multiple Definition in Involvements: one party once per date. */
    void t6_1_24() {
        List<JsonValue> vulns = arr(root, "vulnerabilities");
        for (int v = 0; v < vulns.size(); v++) {
            Set<String> seen = new HashSet<>();
            List<JsonValue> involvements = arr(vulns.get(v), "involvements");
            for (int i = 0; i < involvements.size(); i++) {
                String party = str(involvements.get(i), "party");
                String date = str(involvements.get(i), "date");
                OffsetDateTime t = time(date);
                String key = party + "\u0000" + (t != null ? t.toInstant().toString() : date);
                if (!seen.add(key)) {
                    error(
                            "6.1.24",
                            "/vulnerabilities/" + v + "/involvements/" + i,
                            "Party " + party + " has more than one involvement at " + date);
                }
            }
        }
    }

    /** 6.1.25 Multiple Use of Same Hash Algorithm. */
    void t6_1_25() {
        for (Map.Entry<Path, JsonValue> h : helpers()) {
            List<JsonValue> hashes = arr(h.getValue(), "hashes");
            for (int i = 0; i < hashes.size(); i++) {
                Set<String> seen = new HashSet<>();
                List<JsonValue> fileHashes = arr(hashes.get(i), "file_hashes");
                for (int j = 0; j < fileHashes.size(); j++) {
                    String algorithm = str(fileHashes.get(j), "algorithm");
                    if (algorithm != null && !seen.add(algorithm)) {
                        error(
                                "6.1.25",
                                h.getKey() + "/hashes/" + i + "/file_hashes/" + j + "/algorithm",
                                "Hash algorithm " + algorithm + " is used more than once for this file");
                    }
                }
            }
        }
    }

    /** Lower case without '-', '_' and white space ({@code [-\\s_]}); by hand, not a regex compiled per call. */
    private static String squash(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c != '-' && c != '_' && c != ' ' && c != '\t' && c != '\n' && c != 0x0B && c != '\f' && c != '\r') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** 6.1.26 Prohibited Document Category Name (profile CSAF Base only). */
    void t6_1_26() {
        if (category == null || PROFILES.contains(category)) {
            return;
        }
        String squashed = squash(category);
        for (String profile : PROFILES) {
            if (profile.equals("csaf_base")) {
                continue;
            }
            if (squashed.equals(squash(profile)) || squashed.equals(squash(profile.substring(5)))) {
                error(
                        "6.1.26",
                        "/document/category",
                        "The category '" + category + "' is the name of the profile " + profile
                                + " but does not use its value");
                return;
            }
        }
        if (category.toLowerCase(Locale.ROOT).startsWith("csaf_")) {
            error("6.1.26", "/document/category", "The prefix csaf_ is reserved; '" + category + "' is not allowed");
        }
    }

    /** 6.1.27.x profile tests. */
    void t6_1_27() {
        boolean informational = "csaf_informational_advisory".equals(category);
        boolean incident = "csaf_security_incident_response".equals(category);
        boolean advisory = "csaf_security_advisory".equals(category);
        boolean vex = "csaf_vex".equals(category);
        List<JsonValue> vulns = arr(root, "vulnerabilities");
        if (informational || incident) {
            boolean found = false;
            for (JsonValue note : arr(document, "notes")) {
                String noteCategory = str(note, "category"); // null in a schema-invalid note: Set.of rejects null
                found |= noteCategory != null && SUMMARY_NOTES.contains(noteCategory);
            }
            if (!found) {
                error(
                        "6.1.27.1",
                        "/document/notes",
                        "A " + category + " needs a document note of category description, details, general or"
                                + " summary");
            }
            boolean external = false;
            for (JsonValue ref : arr(document, "references")) {
                external |= "external".equals(str(ref, "category"));
            }
            if (!external) {
                error("6.1.27.2", "/document/references", "A " + category + " needs a reference of category external");
            }
        }
        if (informational && root.has("vulnerabilities")) {
            error("6.1.27.3", "/vulnerabilities", "A csaf_informational_advisory must not have vulnerabilities");
        }
        if ((advisory || vex) && !root.has("product_tree")) {
            error("6.1.27.4", "/product_tree", "A " + category + " needs a product_tree");
        }
        if (advisory || vex) {
            for (int v = 0; v < vulns.size(); v++) {
                if (!vulns.get(v).has("notes")) {
                    error("6.1.27.5", "/vulnerabilities/" + v + "/notes", "A " + category + " needs notes here");
                }
            }
        }
        if (advisory) {
            for (int v = 0; v < vulns.size(); v++) {
                if (!vulns.get(v).has("product_status")) {
                    error(
                            "6.1.27.6",
                            "/vulnerabilities/" + v + "/product_status",
                            "A csaf_security_advisory needs a product_status here");
                }
            }
        }
        if (vex) {
            for (int v = 0; v < vulns.size(); v++) {
                JsonValue vuln = vulns.get(v);
                String vp = "/vulnerabilities/" + v;
                JsonValue status = obj(vuln, "product_status");
                boolean any = false;
                for (String s : VEX_STATUSES) {
                    any |= status != null && status.has(s);
                }
                if (!any) {
                    error(
                            "6.1.27.7",
                            vp + "/product_status",
                            "A csaf_vex needs fixed, known_affected, known_not_affected or under_investigation");
                }
                if (!vuln.has("cve") && !vuln.has("ids")) {
                    error("6.1.27.8", vp, "A csaf_vex vulnerability needs a cve or ids");
                }
                // The impact statements and remediations are gathered only where products need them.
                List<Indexed> notAffected = strings(status, "known_not_affected");
                Set<String> impact = new HashSet<>();
                if (!notAffected.isEmpty()) {
                    for (JsonValue flag : arr(vuln, "flags")) {
                        addProducts(flag, impact);
                    }
                    for (JsonValue threat : arr(vuln, "threats")) {
                        if ("impact".equals(str(threat, "category"))) {
                            addProducts(threat, impact);
                        }
                    }
                }
                for (Indexed id : notAffected) {
                    if (!impact.contains(id.value())) {
                        error(
                                "6.1.27.9",
                                vp + "/product_status/known_not_affected/" + id.index(),
                                "Product ID '" + id.value() + "' is known_not_affected but has no impact statement"
                                        + " (flag or threat of category impact)");
                    }
                }
                List<Indexed> affected = strings(status, "known_affected");
                Set<String> remediated = new HashSet<>();
                if (!affected.isEmpty()) {
                    for (JsonValue remediation : arr(vuln, "remediations")) {
                        addProducts(remediation, remediated);
                    }
                }
                for (Indexed id : affected) {
                    if (!remediated.contains(id.value())) {
                        error(
                                "6.1.27.10",
                                vp + "/product_status/known_affected/" + id.index(),
                                "Product ID '" + id.value() + "' is known_affected but has no remediation");
                    }
                }
            }
        }
        if ((advisory || vex) && !root.has("vulnerabilities")) {
            error("6.1.27.11", "/vulnerabilities", "A " + category + " needs vulnerabilities");
        }
    }

    /** Product ids of an item: its product_ids plus the members of its group_ids. */
    private Set<String> products(JsonValue item) {
        Set<String> ids = new HashSet<>();
        addProducts(item, ids);
        return ids;
    }

    private void addProducts(JsonValue item, Set<String> ids) {
        for (Indexed id : strings(item, "product_ids")) {
            ids.add(id.value());
        }
        for (Indexed g : strings(item, "group_ids")) {
            ids.addAll(groups.getOrDefault(g.value(), Set.of()));
        }
    }

    /** 6.1.28 Translation. */
    void t6_1_28() {
        String lang = str(document, "lang");
        String source = str(document, "source_lang");
        if (lang != null && source != null && lang.equalsIgnoreCase(source)) {
            error("6.1.28", "/document/lang", "The document language equals the source language " + source);
        }
    }

    /** 6.1.29 Remediation without Product Reference. */
    void t6_1_29() {
        List<JsonValue> vulns = arr(root, "vulnerabilities");
        for (int v = 0; v < vulns.size(); v++) {
            List<JsonValue> items = arr(vulns.get(v), "remediations");
            for (int i = 0; i < items.size(); i++) {
                if (!items.get(i).has("product_ids") && !items.get(i).has("group_ids")) {
                    error(
                            "6.1.29",
                            "/vulnerabilities/" + v + "/remediations/" + i,
                            "The remediation names neither product_ids nor group_ids");
                }
            }
        }
    }

    /** 6.1.30 Mixed Integer and Semantic Versioning. */
    void t6_1_30() {
        Map<String, String> versions = new LinkedHashMap<>();
        String version = tracking("version");
        if (version != null) {
            versions.put("/document/tracking/version", version);
        }
        List<JsonValue> items = arr(obj(document, "tracking"), "revision_history");
        for (int i = 0; i < items.size(); i++) {
            String n = str(items.get(i), "number");
            if (n != null) {
                versions.put("/document/tracking/revision_history/" + i + "/number", n);
            }
        }
        // The document's own version decides which scheme is in use; other values must follow it.
        Boolean integer = version == null ? null : Versions.isInteger(version);
        for (Map.Entry<String, String> e : versions.entrySet()) {
            boolean isInt = Versions.isInteger(e.getValue());
            if (!isInt && !Versions.isSemver(e.getValue())) {
                continue;
            }
            if (integer == null) {
                integer = isInt;
            } else if (integer != isInt) {
                error(
                        "6.1.30",
                        e.getKey(),
                        e.getValue() + " uses " + (isInt ? "integer" : "semantic") + " versioning but the document"
                                + " uses " + (integer ? "integer" : "semantic") + " versioning");
            }
        }
    }

    /**
     * 6.1.31 Version Range in Product Version. The spec's "deemed sufficient" list is applied to words (split at
     * white space), while the comparison operators count anywhere: the official data requires "after-eight" to
     * pass, and it is indeed no version range.
     */
    void t6_1_31() {
        for (Branch b : allBranches) {
            if (!"product_version".equals(b.category())) {
                continue;
            }
            String name = str(b.node(), "name");
            if (name != null) {
                String indicator = versionRangeIndicator(name);
                if (indicator != null) {
                    error(
                            "6.1.31",
                            b.path() + "/name",
                            "The product_version '" + name + "' contains the version range indicator '" + indicator
                                    + "'; use the category product_version_range");
                }
            }
        }
    }

    static String versionRangeIndicator(String name) {
        if (name.indexOf('<') >= 0) {
            return name.contains("<=") ? "<=" : "<";
        }
        if (name.indexOf('>') >= 0) {
            return name.contains(">=") ? ">=" : ">";
        }
        // Words split at white space, compared case-insensitively; no regex, this runs for every version branch.
        int start = -1;
        for (int i = 0; i <= name.length(); i++) {
            boolean space = i == name.length() || Character.isWhitespace(name.charAt(i));
            if (!space && start < 0) {
                start = i;
            } else if (space && start >= 0) {
                for (String word : VERSION_RANGE_WORDS) {
                    if (word.length() == i - start && name.regionMatches(true, start, word, 0, word.length())) {
                        return word;
                    }
                }
                start = -1;
            }
        }
        return null;
    }

    /** 6.1.32 Flag without Product Reference. */
    void t6_1_32() {
        List<JsonValue> vulns = arr(root, "vulnerabilities");
        for (int v = 0; v < vulns.size(); v++) {
            List<JsonValue> items = arr(vulns.get(v), "flags");
            for (int i = 0; i < items.size(); i++) {
                if (!items.get(i).has("product_ids") && !items.get(i).has("group_ids")) {
                    error(
                            "6.1.32",
                            "/vulnerabilities/" + v + "/flags/" + i,
                            "The flag names neither product_ids nor group_ids");
                }
            }
        }
    }

    /** 6.1.33 Multiple Flags with VEX Justification Codes per Product. */
    void t6_1_33() {
        List<JsonValue> vulns = arr(root, "vulnerabilities");
        for (int v = 0; v < vulns.size(); v++) {
            Map<String, Integer> flagged = new HashMap<>();
            List<JsonValue> flags = arr(vulns.get(v), "flags");
            for (int i = 0; i < flags.size(); i++) {
                String label = str(flags.get(i), "label"); // null in a schema-invalid flag: Set.of rejects null
                if (label == null || !VEX_JUSTIFICATIONS.contains(label)) {
                    continue;
                }
                for (String id : products(flags.get(i))) {
                    Integer earlier = flagged.putIfAbsent(id, i);
                    if (earlier != null && earlier != i) {
                        error(
                                "6.1.33",
                                "/vulnerabilities/" + v + "/flags/" + i,
                                "Product ID '" + id + "' already has a VEX justification in flags/" + earlier);
                    }
                }
            }
        }
    }

    // -------------------------------------------------------------------------------------- optional tests

    void runOptional() {
        t6_2_1();
        t6_2_2();
        t6_2_3();
        t6_2_4();
        t6_2_5_6();
        t6_2_7();
        t6_2_8_9();
        t6_2_10();
        t6_2_11();
        t6_2_12();
        t6_2_13();
        t6_2_14_15();
        t6_2_16();
        t6_2_17();
        t6_2_18();
        t6_2_19();
    }

    /** 6.2.1 Unused Definition of Product ID. */
    void t6_2_1() {
        if ("csaf_informational_advisory".equals(category)) {
            return;
        }
        Set<String> referenced = new HashSet<>();
        for (Ref r : productRefs) {
            referenced.add(r.id());
        }
        for (Definition d : definitions) {
            if (d.id() != null && !referenced.contains(d.id())) {
                warning("6.2.1", d.path().toString(), "Product ID '" + d.id() + "' is defined but never referenced");
            }
        }
    }

    /** 6.2.2 Missing Remediation. */
    void t6_2_2() {
        List<JsonValue> vulns = arr(root, "vulnerabilities");
        for (int v = 0; v < vulns.size(); v++) {
            Set<String> remediated = new HashSet<>();
            for (JsonValue r : arr(vulns.get(v), "remediations")) {
                addProducts(r, remediated);
            }
            JsonValue status = obj(vulns.get(v), "product_status");
            for (String s : List.of("first_affected", "known_affected", "last_affected", "under_investigation")) {
                for (Indexed id : strings(status, s)) {
                    if (!remediated.contains(id.value())) {
                        warning(
                                "6.2.2",
                                "/vulnerabilities/" + v + "/product_status/" + s + "/" + id.index(),
                                "Product ID '" + id.value() + "' has no remediation");
                    }
                }
            }
        }
    }

    /** 6.2.3 Missing Score. */
    void t6_2_3() {
        List<JsonValue> vulns = arr(root, "vulnerabilities");
        for (int v = 0; v < vulns.size(); v++) {
            Set<String> scored = new HashSet<>();
            for (JsonValue s : arr(vulns.get(v), "scores")) {
                for (Indexed id : strings(s, "products")) {
                    scored.add(id.value());
                }
            }
            JsonValue status = obj(vulns.get(v), "product_status");
            for (String s : List.of("first_affected", "known_affected", "last_affected")) {
                for (Indexed id : strings(status, s)) {
                    if (!scored.contains(id.value())) {
                        warning(
                                "6.2.3",
                                "/vulnerabilities/" + v + "/product_status/" + s + "/" + id.index(),
                                "Product ID '" + id.value() + "' is affected but has no score");
                    }
                }
            }
        }
    }

    /** 6.2.4 Build Metadata in Revision History. */
    void t6_2_4() {
        List<JsonValue> items = arr(obj(document, "tracking"), "revision_history");
        for (int i = 0; i < items.size(); i++) {
            String n = str(items.get(i), "number");
            if (Versions.hasBuildMetadata(n)) {
                warning(
                        "6.2.4",
                        "/document/tracking/revision_history/" + i + "/number",
                        "Revision number " + n + " includes build metadata");
            }
        }
    }

    /** 6.2.5 and 6.2.6: release dates against the revision history. */
    void t6_2_5_6() {
        OffsetDateTime oldest = null;
        OffsetDateTime newest = null;
        for (Revision r : revisionsByDate()) {
            if (r.time() == null) {
                continue;
            }
            if (oldest == null || compareTime(r.time(), oldest) < 0) {
                oldest = r.time();
            }
            if (newest == null || compareTime(r.time(), newest) > 0) {
                newest = r.time();
            }
        }
        OffsetDateTime initial = time(tracking("initial_release_date"));
        if (initial != null && oldest != null && compareTime(initial, oldest) < 0) {
            warning(
                    "6.2.5",
                    "/document/tracking/initial_release_date",
                    "The initial release date is older than the oldest revision (" + oldest + ")");
        }
        OffsetDateTime current = time(tracking("current_release_date"));
        if (current != null && newest != null && compareTime(current, newest) < 0) {
            warning(
                    "6.2.6",
                    "/document/tracking/current_release_date",
                    "The current release date is older than the newest revision (" + newest + ")");
        }
    }

    /** 6.2.7 Missing Date in Involvements. */
    void t6_2_7() {
        List<JsonValue> vulns = arr(root, "vulnerabilities");
        for (int v = 0; v < vulns.size(); v++) {
            List<JsonValue> items = arr(vulns.get(v), "involvements");
            for (int i = 0; i < items.size(); i++) {
                if (!items.get(i).has("date")) {
                    warning("6.2.7", "/vulnerabilities/" + v + "/involvements/" + i, "The involvement has no date");
                }
            }
        }
    }

    /** 6.2.8 (MD5) and 6.2.9 (SHA-1) as the only hash algorithm. */
    void t6_2_8_9() {
        for (Map.Entry<Path, JsonValue> h : helpers()) {
            List<JsonValue> hashes = arr(h.getValue(), "hashes");
            for (int i = 0; i < hashes.size(); i++) {
                Set<String> algorithms = new HashSet<>();
                for (JsonValue fh : arr(hashes.get(i), "file_hashes")) {
                    String a = str(fh, "algorithm");
                    algorithms.add(a == null ? "" : a.toLowerCase(Locale.ROOT));
                }
                String p = h.getKey() + "/hashes/" + i + "/file_hashes";
                if (algorithms.equals(Set.of("md5"))) {
                    warning("6.2.8", p, "MD5 is the only hash algorithm");
                }
                if (algorithms.equals(Set.of("sha1"))) {
                    warning("6.2.9", p, "SHA-1 is the only hash algorithm");
                }
            }
        }
    }

    /** 6.2.10 Missing TLP label. */
    void t6_2_10() {
        String label = str(obj(obj(document, "distribution"), "tlp"), "label");
        if (label == null || !Set.of("AMBER", "GREEN", "RED", "WHITE").contains(label)) {
            warning("6.2.10", "/document/distribution/tlp/label", "The document has no valid TLP label");
        }
    }

    /** Section 5.1 file name of a document with this tracking id. */
    static String fileName(String trackingId) {
        return trackingId.toLowerCase(Locale.ROOT).replaceAll("[^+\\-a-z0-9]+", "_") + ".json";
    }

    /** 6.2.11 Missing Canonical URL. */
    void t6_2_11() {
        String id = tracking("id");
        boolean found = false;
        for (JsonValue ref : arr(document, "references")) {
            String url = str(ref, "url");
            found |= "self".equals(str(ref, "category"))
                    && url != null
                    && url.startsWith("https://")
                    && id != null
                    && url.endsWith(fileName(id));
        }
        if (!found) {
            warning(
                    "6.2.11",
                    "/document/references",
                    "No reference of category self with an https URL ending in the document's file name");
        }
    }

    /** 6.2.12 Missing Document Language. */
    void t6_2_12() {
        if (str(document, "lang") == null) {
            warning("6.2.12", "/document/lang", "The document language is missing");
        }
    }

    /** 6.2.13 Sorting: all keys sorted alphabetically. */
    void t6_2_13() {
        checkSorted(root, "");
    }

    private void checkSorted(JsonValue node, String path) {
        if (node.isObject()) {
            String previous = null;
            for (Map.Entry<String, JsonValue> e : node.properties()) {
                if (previous != null && previous.compareTo(e.getKey()) > 0) {
                    warning("6.2.13", path, "Key '" + e.getKey() + "' comes after '" + previous + "'");
                }
                previous = e.getKey();
                checkSorted(
                        e.getValue(), path + "/" + e.getKey().replace("~", "~0").replace("/", "~1"));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkSorted(node.get(i), path + "/" + i);
            }
        }
    }

    /** 6.2.14 Use of Private Language and 6.2.15 Use of Default Language. */
    void t6_2_14_15() {
        for (String field : List.of("lang", "source_lang")) {
            String tag = str(document, field);
            if (tag == null) {
                continue;
            }
            if (catalogues.languages().usesPrivateUse(tag)) {
                warning("6.2.14", "/document/" + field, "'" + tag + "' uses subtags reserved for private use");
            }
            if (tag.equalsIgnoreCase("i-default")) {
                warning("6.2.15", "/document/" + field, "The language is i-default");
            }
        }
    }

    /** 6.2.16 Missing Product Identification Helper. */
    void t6_2_16() {
        for (Definition d : definitions) {
            if (obj(d.fullProductName(), "product_identification_helper") == null) {
                warning(
                        "6.2.16",
                        d.fullProductNamePath().toString(),
                        "The product has no product_identification_helper");
            }
        }
    }

    /** 6.2.17 CVE in field IDs. */
    void t6_2_17() {
        List<JsonValue> vulns = arr(root, "vulnerabilities");
        for (int v = 0; v < vulns.size(); v++) {
            List<JsonValue> ids = arr(vulns.get(v), "ids");
            for (int i = 0; i < ids.size(); i++) {
                String text = str(ids.get(i), "text");
                if (text != null && CVE.matcher(text).matches()) {
                    warning(
                            "6.2.17",
                            "/vulnerabilities/" + v + "/ids/" + i,
                            text + " is a CVE ID; put it into the cve field");
                }
            }
        }
    }

    /** 6.2.18 Product Version Range without vers. */
    void t6_2_18() {
        for (Branch b : allBranches) {
            String name = "product_version_range".equals(b.category()) ? str(b.node(), "name") : null;
            if (name != null && !VERS.matcher(name).find()) {
                warning("6.2.18", b.path() + "/name", "The version range '" + name + "' is not a vers expression");
            }
        }
    }

    /** 6.2.19 CVSS for Fixed Products: a score covering a fixed product must have an environmental score of 0. */
    void t6_2_19() {
        List<JsonValue> vulns = arr(root, "vulnerabilities");
        for (int v = 0; v < vulns.size(); v++) {
            JsonValue status = obj(vulns.get(v), "product_status");
            Set<String> fixed = new HashSet<>();
            for (String s : List.of("first_fixed", "fixed")) {
                for (Indexed id : strings(status, s)) {
                    fixed.add(id.value());
                }
            }
            List<JsonValue> scores = arr(vulns.get(v), "scores");
            for (int s = 0; s < scores.size(); s++) {
                String fixedProduct = null;
                for (Indexed id : strings(scores.get(s), "products")) {
                    if (fixed.contains(id.value())) {
                        fixedProduct = id.value();
                        break;
                    }
                }
                if (fixedProduct == null) {
                    continue;
                }
                // One finding per CVSS object (computed once), naming the first fixed product it covers.
                for (String key : List.of("cvss_v2", "cvss_v3")) {
                    JsonValue cvss = obj(scores.get(s), key);
                    if (cvss != null
                            && environmentalScore(cvss, key.equals("cvss_v2")).signum() != 0) {
                        warning(
                                "6.2.19",
                                "/vulnerabilities/" + v + "/scores/" + s + "/" + key,
                                "Product ID '" + fixedProduct + "' is fixed but this CVSS has no environmental"
                                        + " score of 0");
                    }
                }
            }
        }
    }

    /**
     * The environmental score a CVSS object states: computed from its vector, where metrics the vector leaves
     * out are taken from the object's properties (the official data for 6.2.19 gives modified impacts only as
     * properties); without a usable vector, its environmentalScore property; else -1 (none).
     */
    private static BigDecimal environmentalScore(JsonValue cvss, boolean v2) {
        byte[] m = CvssAt.parse(cvss, v2);
        if (m != null) {
            CvssMetrics metrics = CvssAt.definitions(v2);
            for (int i = 0; i < metrics.count(); i++) {
                String given = metrics.stated(m, i) ? null : str(cvss, metrics.property(i));
                if (given != null) {
                    int named = metrics.valueNamed(i, given);
                    if (named != 0) {
                        m[i] = (byte) named;
                    }
                }
            }
            String vector = str(cvss, "vectorString");
            return v2
                    ? Cvss2.scores(m).environmental()
                    : Cvss3.scores(m, vector.startsWith("CVSS:3.0/")).environmental();
        }
        JsonValue env = cvss.get("environmentalScore");
        return env != null && env.isNumber() ? env.decimalValue() : BigDecimal.ONE.negate();
    }

    // ----------------------------------------------------------------------------------- informative tests

    void runInformative() {
        List<JsonValue> vulns = arr(root, "vulnerabilities");
        for (int v = 0; v < vulns.size(); v++) {
            JsonValue vuln = vulns.get(v);
            String vp = "/vulnerabilities/" + v;
            List<JsonValue> scores = arr(vuln, "scores");
            for (int s = 0; s < scores.size(); s++) {
                JsonValue score = scores.get(s);
                if (score.has("cvss_v2") && !score.has("cvss_v3")) {
                    info("6.3.1", vp + "/scores/" + s, "CVSS v2 is the only scoring system of this score");
                }
                JsonValue v3 = obj(score, "cvss_v3");
                String vector = str(v3, "vectorString");
                if (v3 != null
                        && ("3.0".equals(str(v3, "version")) || (vector != null && vector.startsWith("CVSS:3.0/")))) {
                    info("6.3.2", vp + "/scores/" + s + "/cvss_v3", "CVSS v3.0 is used; prefer CVSS v3.1");
                }
            }
            if (!vuln.has("cve")) {
                info("6.3.3", vp, "The vulnerability has no CVE");
            }
            if (!vuln.has("cwe")) {
                info("6.3.4", vp, "The vulnerability has no CWE");
            }
        }
        for (Map.Entry<Path, JsonValue> h : helpers()) {
            List<JsonValue> hashes = arr(h.getValue(), "hashes");
            for (int i = 0; i < hashes.size(); i++) {
                List<JsonValue> fileHashes = arr(hashes.get(i), "file_hashes");
                for (int j = 0; j < fileHashes.size(); j++) {
                    String value = str(fileHashes.get(j), "value");
                    if (value != null && value.length() < 64) {
                        info(
                                "6.3.5",
                                h.getKey() + "/hashes/" + i + "/file_hashes/" + j + "/value",
                                "The hash value has only " + value.length() + " characters (fewer than 64)");
                    }
                }
            }
        }
        for (BranchLeaf leaf : branchLeaves) {
            List<String> categories = leaf.categories().list();
            if (!inOrder(categories, List.of("vendor", "product_name", "product_version"))) {
                info(
                        "6.3.9",
                        leaf.path().toString(),
                        "The branches to this product are " + categories
                                + "; expected vendor, product_name and product_version in that order");
            }
        }
        for (Branch b : allBranches) {
            String cat = b.category();
            if ("product_version_range".equals(cat)) {
                info("6.3.10", b.path() + "/category", "A product version range is used; prefer listing versions");
            }
            String name = str(b.node(), "name");
            if ("product_version".equals(cat)
                    && name != null
                    && V_VERSION.matcher(name).matches()) {
                info("6.3.11", b.path() + "/name", "The version '" + name + "' starts with v or V");
            }
        }
    }

    private static boolean inOrder(List<String> categories, List<String> wanted) {
        int w = 0;
        for (String c : categories) {
            if (w < wanted.size() && c.equals(wanted.get(w))) {
                w++;
            }
        }
        return w == wanted.size();
    }
}
