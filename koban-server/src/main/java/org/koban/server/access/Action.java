package org.koban.server.access;

/**
 * Everything a person can ask Koban to do, named once. Actions on a production line's records (its
 * products and versions) are decided together with that line; see {@link Permissions}.
 */
public enum Action {
    DASHBOARD_VIEW,
    ORGANISATION_VIEW,
    ORGANISATION_MANAGE,
    CATALOG_VIEW,
    CATALOG_EDIT,
    CATALOG_IMPORT,
    CATALOG_EXPORT,
    USER_VIEW,
    USER_MANAGE,
    OWN_ACCOUNT_MANAGE,
    AUDIT_VIEW,
    AUDIT_VERIFY,
    METRICS_VIEW
}
