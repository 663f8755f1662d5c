package org.koban.server.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Real-browser tests drive the system's Chromium (Debian's {@code chromium}) through Playwright, which
 * never downloads a browser of its own. Without a Chromium they are skipped with a visible notice, unless
 * {@code KOBAN_REQUIRE_BROWSER=1} (CI), where a missing browser fails the run.
 */
public final class Browsers {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Browsers() {}

    public static Optional<Path> chromium() {
        return Stream.of(System.getenv("KOBAN_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser")
                .filter(p -> p != null && !p.isBlank())
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Skips (or in CI fails) the calling test when no Chromium is installed. */
    public static Path requireChromium() {
        Optional<Path> chromium = chromium();
        if (chromium.isEmpty()) {
            String message = "No Chromium found (looked for $KOBAN_CHROMIUM, /usr/bin/chromium): browser tests"
                    + " need Debian's chromium package (apt-get install chromium).";
            if ("1".equals(System.getenv("KOBAN_REQUIRE_BROWSER"))) Assertions.fail(message);
            System.out.println("NOTICE: browser test SKIPPED. " + message);
            Assumptions.abort(message);
        }
        return chromium.get();
    }

    public static Playwright playwright() {
        return Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static Browser launch(Playwright playwright, Path chromium) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(chromium)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
    }

    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }
}
