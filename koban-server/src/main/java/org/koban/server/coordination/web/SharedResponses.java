package org.koban.server.coordination.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.koban.server.coordination.FileContent;
import org.koban.server.coordination.SharedTimelineExport;
import org.koban.server.intake.Downloads;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** How the PSIRT's and the participants' pages and APIs hand out a shared file and the shared timeline. */
final class SharedResponses {

    private SharedResponses() {}

    /** The file as an opaque download (see {@link Downloads}); closes it. */
    static void send(FileContent file, HttpServletResponse response) throws IOException {
        try (file) {
            Downloads.send(file.fileName(), file.size(), file.sha256(), file.stream(), response);
        }
    }

    /** The shared timeline as a JSON attachment named after our reference and the party. */
    static ResponseEntity<SharedTimelineExport> export(SharedTimelineExport export) {
        String name = (export.caseReference() + "-" + export.party() + "-shared-timeline.json")
                .replaceAll("[^A-Za-z0-9._-]", "_");
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(export);
    }
}
