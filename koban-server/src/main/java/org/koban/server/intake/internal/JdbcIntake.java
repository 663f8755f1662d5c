package org.koban.server.intake.internal;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;
import org.koban.server.audit.AuditLog;
import org.koban.server.catalog.Catalog;
import org.koban.server.catalog.ProductFilter;
import org.koban.server.catalog.ProductView;
import org.koban.server.intake.AttachmentUpload;
import org.koban.server.intake.AttachmentsTooLargeException;
import org.koban.server.intake.CaseProgress;
import org.koban.server.intake.Intake;
import org.koban.server.intake.ProductChoice;
import org.koban.server.intake.ReportReceived;
import org.koban.server.intake.ReportState;
import org.koban.server.intake.ReportSubmission;
import org.koban.server.intake.ReporterReplied;
import org.koban.server.intake.SubmittedReport;
import org.koban.server.intake.TrackedReport;
import org.koban.server.shared.EncryptedFiles;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.NotFoundException;
import org.koban.server.shared.PageQuery;
import org.koban.server.shared.Secrets;
import org.koban.server.shared.Validation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Service
class JdbcIntake implements Intake {

    /** Reporters have no account: their actions are audited under this fixed actor. */
    static final Actor REPORTER =
            new Actor(new UUID(0, 1), "Reporter (anonymous)", Actor.Kind.SYSTEM, Set.of(), Set.of());

    static final int SHORT = 200;
    static final int VERSION = 100;
    static final int LONG = 20_000;
    static final int MEDIUM = 10_000;
    static final int MAX_REFERENCES = 20;
    private static final Pattern UUID_FORMAT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern CONTENT_TYPE =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}/" + "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}");
    private static final Pattern CAPABILITY = Pattern.compile("[A-Za-z0-9_-]{43,128}");

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final AuditLog audit;
    private final EncryptedFiles store;
    private final IntakeProperties properties;
    private final Clock clock;
    private final String publicUrl;
    private final ApplicationEventPublisher events;
    private final JdbcTriage triage;
    private final ObjectProvider<CaseProgress> caseProgress;

    JdbcIntake(
            JdbcClient jdbc,
            Catalog catalog,
            AuditLog audit,
            EncryptedFiles store,
            IntakeProperties properties,
            Clock clock,
            org.koban.server.shared.PublicUrl publicUrl,
            ApplicationEventPublisher events,
            JdbcTriage triage,
            ObjectProvider<CaseProgress> caseProgress) {
        this.events = events;
        this.triage = triage;
        this.caseProgress = caseProgress;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.audit = audit;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.publicUrl = publicUrl.base();
    }

    @Override
    @Transactional
    public SubmittedReport submit(ReportSubmission s, List<AttachmentUpload> attachments) {
        Validation v = new Validation();
        String productText = v.optionalText("product", s.product(), SHORT);
        ProductView product = resolveProduct(v, productText);
        UUID productId = product == null ? null : product.id();
        // Keep the catalogue's name beside the id: what the reporter picked stays readable and searchable.
        if (product != null) productText = product.name();
        String version = v.optionalText("version", s.version(), VERSION);
        String description = v.required("description", s.description(), LONG);
        String impact = v.optionalText("impact", s.impact(), MEDIUM);
        String steps = v.optionalText("stepsToReproduce", s.stepsToReproduce(), LONG);
        List<String> references = references(v, s.references());
        String plans = v.optionalText("disclosurePlans", s.disclosurePlans(), MEDIUM);
        String name = v.optionalText("reporterName", s.reporterName(), SHORT);
        String organisation = v.optionalText("reporterOrganisation", s.reporterOrganisation(), SHORT);
        String email = v.email("reporterEmail", s.reporterEmail());
        String pgpKey = v.pgpPublicKey("reporterPgpKey", s.reporterPgpKey());
        String creditAs = v.optionalText("creditAs", s.creditAs(), SHORT);
        if (attachments.size() > properties.attachmentLimit()) {
            v.reject("attachments", "at most " + properties.attachmentLimit() + " files per report");
        }
        v.throwIfInvalid();

        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String reference = nextReference(now);
        String capability = Secrets.newSecret();
        jdbc.sql("""
                        insert into report (id, reference, received_at, state, product_id, product_text, version,
                            description, impact, steps_to_reproduce, already_public, exploited, "references",
                            disclosure_plans, reporter_name, reporter_organisation, reporter_email,
                            reporter_pgp_key, credit_as, share_contact, tracking_hash, updated_at)
                        values (:id, :reference, :now, :state, :productId, :productText, :version, :description,
                            :impact, :steps, :alreadyPublic, :exploited, :references, :plans, :name, :organisation,
                            :email, :pgpKey, :creditAs, :shareContact, :trackingHash, :now)
                        """)
                .param("id", id)
                .param("reference", reference)
                .param("now", Timestamp.from(now))
                .param("state", ReportState.RECEIVED.name())
                .param("productId", productId)
                .param("productText", productText)
                .param("version", version)
                .param("description", description)
                .param("impact", impact)
                .param("steps", steps)
                .param("alreadyPublic", Boolean.TRUE.equals(s.alreadyPublic()))
                .param("exploited", Boolean.TRUE.equals(s.exploited()))
                .param("references", references.toArray(String[]::new))
                .param("plans", plans)
                .param("name", name)
                .param("organisation", organisation)
                .param("email", email)
                .param("pgpKey", pgpKey)
                .param("creditAs", creditAs)
                .param("shareContact", Boolean.TRUE.equals(s.shareContact()))
                .param("trackingHash", Secrets.hash(capability))
                .update();
        storeAttachments(id, attachments, now, properties.reportLimit());
        audit.record(
                REPORTER,
                "report.received",
                "report",
                id,
                null,
                Map.of("reference", reference, "attachments", attachments.size()));
        String trackingUrl = publicUrl + "/track/" + capability;
        events.publishEvent(new ReportReceived(id, reference, now, email, pgpKey, trackingUrl));
        return new SubmittedReport(reference, trackingUrl);
    }

    /**
     * Files are encrypted straight into their final place while the transaction is open, and deleted again
     * if it rolls back. Chosen over "temp name, move after commit" because then a committed row can never
     * point to a file that failed to move; the only leftover is an orphaned (encrypted) file if the JVM
     * dies between writing and commit, which a later sweep can remove by comparing with the table.
     */
    private void storeAttachments(UUID reportId, List<AttachmentUpload> attachments, Instant now, long allowance) {
        List<String> written = new ArrayList<>();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) written.forEach(store::delete);
            }
        });
        long remaining = allowance;
        for (int i = 0; i < attachments.size(); i++) {
            AttachmentUpload upload = attachments.get(i);
            String fileName = sanitiseFileName(upload.fileName());
            long limit = Math.min(properties.fileLimit(), remaining);
            String message = remaining < properties.fileLimit()
                    ? "The attachments together exceed " + mebibytes(properties.reportLimit()) + " per report"
                    : "The file '" + fileName + "' exceeds " + mebibytes(properties.fileLimit()) + " per file";
            EncryptedFiles.Stored stored;
            try (InputStream in = upload.content().open()) {
                stored = store.store(in, limit, () -> new AttachmentsTooLargeException(message));
            } catch (IOException e) {
                throw new IllegalStateException("Could not read attachment " + (i + 1), e);
            }
            written.add(stored.storageKey());
            remaining -= stored.size();
            jdbc.sql("""
                            insert into report_attachment
                                (id, report_id, file_name, content_type, size, sha256, storage_key, created_at)
                            values (:id, :reportId, :fileName, :contentType, :size, :sha256, :storageKey, :now)
                            """)
                    .param("id", UUID.randomUUID())
                    .param("reportId", reportId)
                    .param("fileName", fileName)
                    .param("contentType", contentType(upload.contentType()))
                    .param("size", stored.size())
                    .param("sha256", stored.sha256())
                    .param("storageKey", stored.storageKey())
                    .param("now", Timestamp.from(now))
                    .update();
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TrackedReport> track(String capability) {
        if (!CAPABILITY.matcher(capability).matches()) return Optional.empty();
        return jdbc.sql(
                        "select id, reference, received_at, state, case_id, case_reference from report where tracking_hash = :hash")
                .param("hash", Secrets.hash(capability))
                .query((rs, row) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    UUID caseId = rs.getObject("case_id", UUID.class);
                    var attachments = triage.attachments(id);
                    CaseProgress progress = caseProgress.getIfAvailable();
                    return new TrackedReport(
                            rs.getString("reference"),
                            rs.getTimestamp("received_at").toInstant(),
                            ReportState.valueOf(rs.getString("state")),
                            attachments.size(),
                            triage.messages(id, false),
                            attachments,
                            rs.getString("case_reference"),
                            caseId == null || progress == null
                                    ? null
                                    : progress.of(caseId).orElse(null));
                })
                .optional();
    }

    @Override
    @Transactional
    public TrackedReport reply(String capability, String message, List<AttachmentUpload> attachments) {
        if (!CAPABILITY.matcher(capability).matches()) throw new NotFoundException("Report", "(tracking link)");
        var row = jdbc.sql("select id, reference, state from report where tracking_hash = :hash for update")
                .param("hash", Secrets.hash(capability))
                .query((rs, n) -> new Object[] {
                    rs.getObject("id", UUID.class),
                    rs.getString("reference"),
                    ReportState.valueOf(rs.getString("state"))
                })
                .optional()
                .orElseThrow(() -> new NotFoundException("Report", "(tracking link)"));
        UUID id = (UUID) row[0];
        String reference = (String) row[1];
        ReportState state = (ReportState) row[2];
        Validation v = new Validation();
        boolean noText = message == null || message.isBlank();
        if (noText && attachments.isEmpty()) v.reject("message", "write a message or add a file");
        v.optional("message", message, org.koban.server.intake.Triage.MAX_MESSAGE_LENGTH);
        if (state == ReportState.WITHDRAWN || state == ReportState.CLOSED) {
            v.reject("state", "A report that is " + state.label().toLowerCase() + " takes no more messages");
        }
        long[] existing = jdbc.sql(
                        "select count(*), coalesce(sum(size), 0) from report_attachment where report_id = :id")
                .param("id", id)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        if (existing[0] + attachments.size() > properties.attachmentLimit()) {
            v.reject("attachments", "at most " + properties.attachmentLimit() + " files per report");
        }
        v.throwIfInvalid();
        Instant now = clock.instant();
        storeAttachments(id, attachments, now, properties.reportLimit() - existing[1]);
        String text = noText
                ? "(added " + attachments.size() + (attachments.size() == 1 ? " file)" : " files)")
                : message.strip();
        triage.addReporterMessage(id, text, now);
        triage.resumeClock(id, state);
        jdbc.sql("update report set updated_at = :now where id = :id")
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
        audit.record(
                REPORTER,
                "report.reporter-replied",
                "report",
                id,
                null,
                Map.of("reference", reference, "attachments", attachments.size()));
        events.publishEvent(new ReporterReplied(id, reference));
        return track(capability).orElseThrow();
    }

    @Override
    @Transactional
    public TrackedReport withdraw(String capability) {
        if (!CAPABILITY.matcher(capability).matches()) throw new NotFoundException("Report", "(tracking link)");
        var row = jdbc.sql("select id, state from report where tracking_hash = :hash for update")
                .param("hash", Secrets.hash(capability))
                .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), ReportState.valueOf(rs.getString("state"))))
                .optional()
                .orElseThrow(() -> new NotFoundException("Report", "(tracking link)"));
        if (!row.getValue().canMoveTo(ReportState.WITHDRAWN)) {
            throw InvalidInputException.of(
                    "state",
                    "A report that is " + row.getValue().label().toLowerCase() + " can no longer be withdrawn");
        }
        jdbc.sql("update report set state = :state, updated_at = :now where id = :id")
                .param("state", ReportState.WITHDRAWN.name())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", row.getKey())
                .update();
        audit.record(
                REPORTER,
                "report.withdrawn",
                "report",
                row.getKey(),
                Map.of("state", row.getValue().name()),
                Map.of("state", ReportState.WITHDRAWN.name()));
        return track(capability).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ProductChoice> productChoices() {
        return catalog.products(Actor.system(), PageQuery.all(), ProductFilter.none()).items().stream()
                .map(p -> new ProductChoice(p.id(), p.name()))
                .toList();
    }

    @Override
    public String securityTxt() {
        StringBuilder text = new StringBuilder();
        String contact = properties.securityContact();
        if (contact != null && !contact.isBlank()) {
            text.append("Contact: ")
                    .append(contact.contains(":") ? contact.strip() : "mailto:" + contact.strip())
                    .append('\n');
        }
        text.append("Contact: ").append(publicUrl).append("/report\n");
        Instant expires = clock.instant().plus(properties.expiresAfter()).truncatedTo(ChronoUnit.SECONDS);
        text.append("Expires: ").append(securityTxtDate(expires)).append('\n');
        String policy = properties.policyUrl();
        text.append("Policy: ")
                .append(policy == null || policy.isBlank() ? publicUrl + "/report" : policy.strip())
                .append('\n');
        text.append("Preferred-Languages: ")
                .append(String.join(", ", properties.languages()))
                .append('\n');
        text.append("Canonical: ").append(publicUrl).append("/.well-known/security.txt\n");
        // CSAF section 7.1.8: where machines find the advisories (the public site keeps this file there).
        text.append("CSAF: ").append(publicUrl).append("/.well-known/csaf/provider-metadata.json\n");
        return text.toString();
    }

    private @Nullable ProductView resolveProduct(Validation v, @Nullable String product) {
        if (product == null || !UUID_FORMAT.matcher(product).matches()) return null;
        UUID id = UUID.fromString(product);
        try {
            return catalog.product(Actor.system(), id);
        } catch (NotFoundException e) {
            v.reject("product", "is not a product in the catalogue (give its name instead if you do not know its id)");
            return null;
        }
    }

    private static List<String> references(Validation v, @Nullable List<String> references) {
        if (references == null) return List.of();
        List<String> result = new ArrayList<>();
        if (references.size() > MAX_REFERENCES) {
            v.reject("references", "at most " + MAX_REFERENCES + " references");
        }
        for (int i = 0; i < references.size(); i++) {
            String field = "references[" + i + "]";
            String reference = references.get(i);
            if (reference == null || reference.isBlank()) {
                v.reject(field, "must not be empty");
                continue;
            }
            result.add(v.webUrl(field, reference));
        }
        return result;
    }

    /**
     * The reporter's file name as metadata only: last path segment, no control characters, bounded. Bidi
     * controls go too: a right-to-left override makes "poc\u202Egpj.exe" look like "pocexe.jpg".
     */
    static String sanitiseFileName(@Nullable String name) {
        if (name == null) return "attachment";
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String cleaned = last.codePoints()
                .filter(c -> !Character.isISOControl(c) && !isBidiControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip();
        if (cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..")) return "attachment";
        return cleaned.length() > 255 ? cleaned.substring(0, 255) : cleaned;
    }

    private static boolean isBidiControl(int c) {
        return c == 0x061C
                || c == 0x200E
                || c == 0x200F
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
    }

    private static String contentType(@Nullable String type) {
        return type != null && CONTENT_TYPE.matcher(type).matches() ? type : "application/octet-stream";
    }

    private static String mebibytes(long bytes) {
        return (bytes / (1024 * 1024)) + " MiB";
    }

    /** {@code PREFIX-YEAR-NNNN}; the counter row serialises concurrent submissions of the same year. */
    private String nextReference(Instant now) {
        int year = now.atZone(ZoneOffset.UTC).getYear();
        int next = jdbc.sql("""
                        insert into report_reference_counter (year, last_value) values (:year, 1)
                        on conflict (year) do update set last_value = report_reference_counter.last_value + 1
                        returning last_value
                        """).param("year", year).query(Integer.class).single();
        return "%s-%d-%04d".formatted(properties.prefix(), year, next);
    }

    /**
     * RFC 9116 wants an RFC 3339 date-time: seconds always written. {@code OffsetDateTime.toString()} drops
     * them when they are zero ({@code 2027-11-25T22:07Z}), which readers refuse.
     */
    static String securityTxtDate(Instant instant) {
        return java.time.format.DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
