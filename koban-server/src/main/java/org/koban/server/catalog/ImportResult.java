package org.koban.server.catalog;

/** What an import changed (or, in a dry run, would change). {@code unchanged} counts records already as given. */
public record ImportResult(
        boolean dryRun,
        int familiesCreated,
        int familiesUpdated,
        int productsCreated,
        int productsUpdated,
        int versionsCreated,
        int versionsUpdated,
        int unchanged) {}
