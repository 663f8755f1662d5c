package org.koban.server.catalog.web;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Action;
import org.koban.server.access.Actor;
import org.koban.server.access.Permissions;
import org.koban.server.catalog.CatalogTransfer;
import org.koban.server.catalog.ImportResult;
import org.koban.server.shared.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Bulk import (the request body is the file) and export of the catalogue, as JSON or CSV. */
@RestController
@RequestMapping("/api/v1/catalog")
class CatalogTransferApiController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final CatalogTransfer transfer;
    private final Permissions permissions;

    CatalogTransferApiController(CatalogTransfer transfer, Permissions permissions) {
        this.transfer = transfer;
        this.permissions = permissions;
    }

    /**
     * The body is the file itself. Form content types are refused (415): a servlet container reads such a body
     * as form parameters. Without {@code format}, {@code text/csv} bodies are read as CSV, others as JSON.
     */
    @PostMapping("/import")
    ImportResult importDocument(
            @Parameter(hidden = true) Actor actor,
            @RequestParam(required = false) @Nullable String format,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
            InputStream body)
            throws HttpMediaTypeNotSupportedException {
        MediaType type = contentType == null ? null : MediaType.parseMediaType(contentType);
        if (type != null
                && (type.isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED)
                        || type.getType().equals("multipart"))) {
            throw new HttpMediaTypeNotSupportedException(
                    type, List.of(MediaType.APPLICATION_JSON, CSV), HttpMethod.POST);
        }
        String chosen = format != null ? format : type != null && type.isCompatibleWith(CSV) ? "csv" : "json";
        return transfer.importDocument(actor, body, format(chosen), dryRun);
    }

    @GetMapping("/export")
    void export(
            @Parameter(hidden = true) Actor actor,
            @RequestParam(defaultValue = "json") String format,
            HttpServletResponse response)
            throws IOException {
        CatalogTransfer.Format f = format(format);
        // Checked before the download headers are set, so a refusal is a plain problem response.
        permissions.check(actor, Action.CATALOG_EXPORT);
        CatalogExports.prepare(response, f);
        transfer.export(actor, f, response.getOutputStream());
    }

    static CatalogTransfer.Format format(String format) {
        try {
            return CatalogTransfer.Format.valueOf(format.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("format", "must be json or csv");
        }
    }
}
