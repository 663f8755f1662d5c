package org.koban.server.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.koban.server.intake.AttachmentUpload;
import org.koban.server.intake.AttachmentsTooLargeException;
import org.koban.server.intake.Intake;
import org.koban.server.intake.ReportSubmission;
import org.koban.server.shared.EncryptedFiles;
import org.koban.server.support.KobanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Attachments are encrypted at rest, decrypt back to the original bytes, and carry the plaintext's SHA-256. */
@KobanIntegrationTest
class IntakeAttachmentIntegrationTest {

    @Autowired
    Intake intake;

    @Autowired
    EncryptedFiles store;

    @Autowired
    JdbcClient jdbc;

    private static ReportSubmission report(String description) {
        return new ReportSubmission(
                null, null, description, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void storesAttachmentsEncryptedAndDecryptsThemBackWithTheirHash() throws Exception {
        byte[] script = "<?php system($_GET['cmd']); ?> EXPLOIT-MARKER-1234567890\n"
                .repeat(1000)
                .getBytes(StandardCharsets.UTF_8);
        byte[] binary = new byte[3 * 1024 * 1024 + 17]; // more than one 1 MiB segment
        new Random(42).nextBytes(binary);
        var submitted = intake.submit(
                report("Remote code execution"),
                List.of(
                        new AttachmentUpload(
                                "C:\\temp\\..\\shell.php", "application/x-php", () -> new ByteArrayInputStream(script)),
                        new AttachmentUpload("dump\u0007.bin", "not a type", () -> new ByteArrayInputStream(binary))));

        var rows =
                jdbc.sql("""
                        select a.file_name, a.content_type, a.size, a.sha256, a.storage_key
                        from report_attachment a join report r on r.id = a.report_id
                        where r.reference = :reference order by a.size
                        """).param("reference", submitted.reference()).query().listOfRows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("file_name")).isEqualTo("shell.php");
        assertThat(rows.get(0).get("content_type")).isEqualTo("application/x-php");
        assertThat(rows.get(1).get("file_name")).isEqualTo("dump.bin");
        assertThat(rows.get(1).get("content_type")).isEqualTo("application/octet-stream");

        byte[][] originals = {script, binary};
        for (int i = 0; i < 2; i++) {
            String key = (String) rows.get(i).get("storage_key");
            byte[] original = originals[i];
            assertThat(rows.get(i).get("size")).isEqualTo((long) original.length);
            assertThat(rows.get(i).get("sha256"))
                    .isEqualTo(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(original)));
            try (InputStream in = store.open(key)) {
                assertThat(in.readAllBytes()).isEqualTo(original);
            }
            Path path = store.path(key);
            assertThat(path.normalize()).startsWith(store.base());
            byte[] onDisk = Files.readAllBytes(path);
            assertThat(onDisk).isNotEqualTo(original);
            assertThat(new String(onDisk, StandardCharsets.ISO_8859_1)).doesNotContain("EXPLOIT-MARKER");
        }
        Path keyFile = store.base().getParent().resolve("keys/attachments.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                .isEqualTo("rw-------");
    }

    @Test
    void stopsReadingAtTheLimitAndLeavesNoFileBehind() throws Exception {
        // The directory appears with the first file; this test may be the first to use the store.
        Files.createDirectories(store.base());
        long filesBefore;
        try (var list = Files.list(store.base())) {
            filesBefore = list.count();
        }
        long limit = 5L * 1024 * 1024;
        // A generated stream, one byte over the limit: the upload is never held in memory, here or in the store.
        InputStream endless = new InputStream() {
            long served;

            @Override
            public int read() {
                return served++ <= limit ? 'A' : -1;
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> store.store(endless, limit, () -> new AttachmentsTooLargeException("too large")))
                .isInstanceOf(org.koban.server.intake.AttachmentsTooLargeException.class)
                .hasMessage("too large");
        try (var list = Files.list(store.base())) {
            assertThat(list.count()).isEqualTo(filesBefore);
        }
    }

    @Test
    void refusesStorageKeysOutsideTheAttachmentsDirectory() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.open("../keys/attachments.json"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsOnlyASanitisedLastSegmentOfTheReportersFileName() {
        assertThat(JdbcIntake.sanitiseFileName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(JdbcIntake.sanitiseFileName("a\\b\\..")).isEqualTo("attachment");
        assertThat(JdbcIntake.sanitiseFileName("x\ny.txt")).isEqualTo("xy.txt");
        assertThat(JdbcIntake.sanitiseFileName("poc\u202Egpj.exe")).isEqualTo("pocgpj.exe");
        assertThat(JdbcIntake.sanitiseFileName("\u2067a\u2069\u200F.txt")).isEqualTo("a.txt");
        assertThat(JdbcIntake.sanitiseFileName(null)).isEqualTo("attachment");
    }
}
