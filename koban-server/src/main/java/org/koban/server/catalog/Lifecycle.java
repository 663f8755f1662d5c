package org.koban.server.catalog;

/** Where a product version is in its life, as customers see it. */
public enum Lifecycle {
    IN_DEVELOPMENT("In development"),
    ON_MARKET("On market"),
    END_OF_SUPPORT("End of support");

    private final String label;

    Lifecycle(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
