package org.koban.server.scoring;

/** The kinds of CWE entries. Only weaknesses may be mapped to a vulnerability. */
public enum CweKind {
    WEAKNESS,
    CATEGORY,
    VIEW
}
