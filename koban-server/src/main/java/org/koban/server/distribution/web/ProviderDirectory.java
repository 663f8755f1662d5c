package org.koban.server.distribution.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.koban.server.distribution.PublicSite;
import org.koban.server.shared.NotFoundException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the CSAF provider directory from the public site's tree, to anyone: files as they are, directories as
 * listings (requirement 14). Only what the tree holds is served; hidden files (a sync's temporary files) never.
 */
@Controller
class ProviderDirectory {

    private static final String PREFIX = "/.well-known/csaf";

    private final PublicSite site;

    ProviderDirectory(PublicSite site) {
        this.site = site;
    }

    @GetMapping({PREFIX, PREFIX + "/", PREFIX + "/**"})
    Object serve(HttpServletRequest request, Model model) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String relative = path.length() <= PREFIX.length() ? "" : path.substring(PREFIX.length() + 1);
        Path base = site.root().resolve(".well-known").resolve("csaf").normalize();
        Path target = base.resolve(relative).normalize();
        if (!target.startsWith(base) || hidden(base.relativize(target)) || !Files.exists(target)) {
            throw new NotFoundException("File", path);
        }
        if (Files.isDirectory(target)) {
            if (!path.endsWith("/")) return "redirect:" + path + "/";
            List<Entry> entries;
            try (Stream<Path> list = Files.list(target)) {
                entries = list.filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted()
                        .map(p -> new Entry(p.getFileName() + (Files.isDirectory(p) ? "/" : ""), Files.isDirectory(p)))
                        .toList();
            }
            model.addAttribute("path", path);
            model.addAttribute("entries", entries);
            model.addAttribute("parent", relative.isEmpty() ? null : "../");
            return "distribution/listing";
        }
        Resource file = new FileSystemResource(target);
        return ResponseEntity.ok()
                .contentType(type(target.getFileName().toString()))
                .cacheControl(CacheControl.noCache())
                .header("X-Content-Type-Options", "nosniff")
                .body(file);
    }

    record Entry(String name, boolean directory) {}

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) return true;
        }
        return false;
    }

    private static MediaType type(String name) {
        if (name.endsWith(".json")) return MediaType.APPLICATION_JSON;
        if (name.endsWith(".asc")) return MediaType.parseMediaType("application/pgp-signature");
        if (name.endsWith(".csv")) return MediaType.parseMediaType("text/csv;charset=UTF-8");
        return MediaType.parseMediaType("text/plain;charset=UTF-8");
    }
}
