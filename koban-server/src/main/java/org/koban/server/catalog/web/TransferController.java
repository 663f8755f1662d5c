package org.koban.server.catalog.web;

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
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The import / export page: upload a JSON or CSV file (optionally as a dry run), download the catalogue. */
@Controller
@RequestMapping("/catalog")
class TransferController {

    private final CatalogTransfer transfer;
    private final Permissions permissions;

    TransferController(CatalogTransfer transfer, Permissions permissions) {
        this.transfer = transfer;
        this.permissions = permissions;
    }

    @GetMapping("/transfer")
    String page(Actor actor, Model model) {
        return page(actor, model, null, List.of(), true);
    }

    @PostMapping("/transfer")
    String upload(
            Actor actor,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "auto") String format,
            @RequestParam(defaultValue = "false") boolean dryRun,
            Model model)
            throws IOException {
        permissions.check(actor, Action.CATALOG_IMPORT);
        if (file == null || file.isEmpty()) {
            return page(
                    actor,
                    model,
                    null,
                    List.of(new InvalidInputException.Problem("file", "choose a file to import")),
                    dryRun);
        }
        CatalogTransfer.Format chosen;
        if (format.equals("auto")) {
            String name = file.getOriginalFilename() == null
                    ? ""
                    : file.getOriginalFilename().toLowerCase(Locale.ROOT);
            chosen = name.endsWith(".csv") ? CatalogTransfer.Format.CSV : CatalogTransfer.Format.JSON;
        } else {
            chosen = CatalogTransferApiController.format(format);
        }
        try (InputStream in = file.getInputStream()) {
            ImportResult result = transfer.importDocument(actor, in, chosen, dryRun);
            return page(actor, model, result, List.of(), dryRun);
        } catch (InvalidInputException e) {
            return page(actor, model, null, e.problems(), dryRun);
        }
    }

    @GetMapping("/export")
    void export(Actor actor, @RequestParam(defaultValue = "json") String format, HttpServletResponse response)
            throws IOException {
        CatalogTransfer.Format f = CatalogTransferApiController.format(format);
        permissions.check(actor, Action.CATALOG_EXPORT);
        CatalogExports.prepare(response, f);
        transfer.export(actor, f, response.getOutputStream());
    }

    private String page(
            Actor actor,
            Model model,
            @Nullable ImportResult result,
            List<InvalidInputException.Problem> problems,
            boolean dryRun) {
        model.addAttribute("result", result);
        model.addAttribute("problems", problems);
        model.addAttribute("dryRun", dryRun);
        model.addAttribute("canImport", permissions.can(actor, Action.CATALOG_IMPORT));
        model.addAttribute("canExport", permissions.can(actor, Action.CATALOG_EXPORT));
        return "catalog/transfer";
    }
}
