package org.koban.server.shared;

import org.jspecify.annotations.Nullable;

/**
 * What a list asks for: a free-text search, a zero-based page and a page size, clamped to sane bounds so
 * that no caller can ask for a million rows at once.
 */
public record PageQuery(String search, int page, int size) {

    public static final int DEFAULT_SIZE = 25;
    public static final int MAX_SIZE = 200;
    public static final int MAX_SEARCH_LENGTH = 200;

    public PageQuery {
        search = search == null ? "" : search.strip();
        if (search.length() > MAX_SEARCH_LENGTH) search = search.substring(0, MAX_SEARCH_LENGTH);
        page = Math.max(0, page);
        size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    public static PageQuery of(@Nullable String search, @Nullable Integer page, @Nullable Integer size) {
        return new PageQuery(search == null ? "" : search, page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public static PageQuery all() {
        return new PageQuery("", 0, MAX_SIZE);
    }

    public int offset() {
        return page * size;
    }

    public boolean hasSearch() {
        return !search.isEmpty();
    }

    /** The search as a SQL {@code ILIKE} pattern, with the user's wildcards taken literally. */
    public String likePattern() {
        return "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
