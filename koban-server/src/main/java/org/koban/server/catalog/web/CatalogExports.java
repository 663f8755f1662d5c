package org.koban.server.catalog.web;

import jakarta.servlet.http.HttpServletResponse;
import org.koban.server.catalog.CatalogTransfer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** Headers of an export download, shared by the API and the UI. */
final class CatalogExports {

    private CatalogExports() {}

    static void prepare(HttpServletResponse response, CatalogTransfer.Format format) {
        boolean json = format == CatalogTransfer.Format.JSON;
        response.setContentType(json ? "application/json" : "text/csv");
        response.setCharacterEncoding("UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(json ? "koban-catalog.json" : "koban-catalog.csv")
                        .build()
                        .toString());
    }
}
