package org.koban.server.distribution;

import java.nio.file.Path;

/**
 * The static tree of the public site. {@link #sync()} brings it in line with what is published: it writes each
 * document that is new or changed (with its hashes and signature) and then rewrites the indexes, the feeds and
 * the provider metadata; documents already in place are not touched. Every file is written aside and moved into
 * place, documents before the listings that name them, so a reader never sees a half-written file nor a listing
 * naming a missing document; an interrupted sync leaves the previous state readable, and the next one completes.
 */
public interface PublicSite {

    /** The root of the tree: serve it as the web root ({@code /.well-known/csaf/…} is under it). */
    Path root();

    SyncReport sync();

    /** What a sync wrote, relative to the root, in the order it wrote them, and how many documents it left alone. */
    record SyncReport(java.util.List<String> written, int documentsUnchanged) {}
}
