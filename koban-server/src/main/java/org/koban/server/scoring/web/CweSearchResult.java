package org.koban.server.scoring.web;

import java.util.List;
import org.koban.server.scoring.CweEntry;

/** A search answer: the matches, best first, and the catalogue version whose names they carry. */
record CweSearchResult(List<CweEntry> items, String catalogueVersion) {}
