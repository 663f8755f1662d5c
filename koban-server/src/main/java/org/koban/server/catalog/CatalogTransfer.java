package org.koban.server.catalog;

import org.koban.server.access.Actor;

/**
 * Bulk import and export of the whole catalogue. Imports are idempotent by natural keys (family code,
 * product code, product code + version), validate everything first, and change nothing unless every row is
 * valid; they never delete. Exports hold what the actor may see, and importing an export changes nothing.
 */
public interface CatalogTransfer {

    enum Format {
        JSON,
        CSV
    }

    ImportResult importDocument(Actor actor, java.io.InputStream in, Format format, boolean dryRun);

    void export(Actor actor, Format format, java.io.OutputStream out);
}
