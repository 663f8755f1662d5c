package org.koban.server.cases;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.intake.AttachmentUpload;
import org.koban.server.intake.Intake;
import org.koban.server.intake.ReportSubmission;
import org.koban.server.intake.SubmittedReport;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reports submitted through the real intake service, and how to find them again. */
public final class CaseTestSupport {

    public static final String POC = "#!/bin/sh\necho exploit\n";

    private CaseTestSupport() {}

    public static SubmittedReport submit(Intake intake, String description, @Nullable String email, boolean withFile) {
        var submission = new ReportSubmission(
                "Gateway",
                "1.0",
                description,
                "Remote code execution",
                "1. send packet",
                false,
                false,
                List.of(),
                null,
                "Researcher",
                "Lab",
                email,
                null,
                "R. Searcher",
                true);
        List<AttachmentUpload> files = withFile
                ? List.of(new AttachmentUpload(
                        "poc.sh", "text/x-sh", () -> new ByteArrayInputStream(POC.getBytes(StandardCharsets.UTF_8))))
                : List.of();
        return intake.submit(submission, files);
    }

    public static UUID reportId(JdbcClient jdbc, String reference) {
        return jdbc.sql("select id from report where reference = :r")
                .param("r", reference)
                .query(UUID.class)
                .single();
    }

    public static String capability(SubmittedReport submitted) {
        return submitted.trackingUrl().substring(submitted.trackingUrl().lastIndexOf('/') + 1);
    }
}
