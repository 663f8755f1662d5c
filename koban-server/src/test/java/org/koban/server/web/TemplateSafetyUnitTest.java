package org.koban.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy forbids inline script and style, and all user text must be escaped; this
 * reads every template and refuses what would break either promise, before a browser ever sees it.
 */
class TemplateSafetyUnitTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    private static final Pattern INLINE_SCRIPT =
            Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE_ELEMENT = Pattern.compile("<style\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("\\s(th:)?style\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_HANDLER = Pattern.compile("\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNESCAPED = Pattern.compile("th:utext|\\[\\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern JAVASCRIPT_URL = Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE);

    @Test
    void templatesHaveNoInlineScriptStyleHandlerOrUnescapedOutput() throws IOException {
        List<Path> templates;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            templates = files.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertThat(templates).isNotEmpty();
        List<String> offences = new ArrayList<>();
        for (Path template : templates) {
            String html = Files.readString(template);
            check(template, html, INLINE_SCRIPT, "inline <script>", offences);
            check(template, html, STYLE_ELEMENT, "<style> element", offences);
            check(template, html, STYLE_ATTRIBUTE, "style attribute", offences);
            check(template, html, EVENT_HANDLER, "inline event handler", offences);
            check(template, html, UNESCAPED, "unescaped output (th:utext or [(...)])", offences);
            check(template, html, JAVASCRIPT_URL, "javascript: URL", offences);
        }
        assertThat(offences).isEmpty();
    }

    private static void check(Path template, String html, Pattern pattern, String what, List<String> offences) {
        var matcher = pattern.matcher(html);
        while (matcher.find()) {
            long line = html.substring(0, matcher.start())
                            .chars()
                            .filter(c -> c == '\n')
                            .count()
                    + 1;
            offences.add(TEMPLATES.relativize(template) + ":" + line + " " + what);
        }
    }
}
