package org.koban.server.advisories;

import java.util.EnumSet;
import java.util.Set;

/**
 * An advisory's lifecycle: draft → in review → approved → published; in review → draft (changes requested);
 * approved → draft (withdrawn to change it); published → draft (a new revision). Only a draft is edited.
 */
public enum AdvisoryState {
    DRAFT("Draft"),
    IN_REVIEW("In review"),
    APPROVED("Approved"),
    PUBLISHED("Published");

    private final String label;

    AdvisoryState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Set<AdvisoryState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(IN_REVIEW);
            case IN_REVIEW -> EnumSet.of(DRAFT, APPROVED);
            case APPROVED -> EnumSet.of(DRAFT, PUBLISHED);
            case PUBLISHED -> EnumSet.of(DRAFT);
        };
    }

    public boolean canMoveTo(AdvisoryState target) {
        return next().contains(target);
    }

    public boolean editable() {
        return this == DRAFT;
    }
}
