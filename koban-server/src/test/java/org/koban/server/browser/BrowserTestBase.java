package org.koban.server.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.koban.server.support.Browsers;
import org.koban.server.support.Fixtures;
import org.koban.server.support.TestDatabaseInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/** A real Koban on a random port, and a fresh headless Chromium per test; pages fail on any console error. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@Import(Fixtures.class)
abstract class BrowserTestBase {

    @LocalServerPort
    int port;

    Playwright playwright;
    Browser browser;
    final List<String> consoleErrors = new ArrayList<>();
    final List<String> failedRequests = new ArrayList<>();

    @BeforeEach
    void startBrowser() {
        var chromium = Browsers.requireChromium();
        playwright = Browsers.playwright();
        browser = Browsers.launch(playwright, chromium);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
    }

    /** A new browser session (its own cookies); console errors, such as CSP violations, are collected. */
    Page newSession() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(url("")));
        Page page = context.newPage();
        // Failed loads are tracked by URL below; every other console error (a CSP violation, a script error) counts.
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                consoleErrors.add(message.text());
            }
        });
        page.onResponse(response -> {
            if (response.status() >= 400) failedRequests.add(response.status() + " " + response.url());
        });
        return page;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    void signIn(Page page, String email, String password) {
        page.navigate("/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL(url("/"));
    }
}
