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
    METRICS_VIEW,
    /** See the triage queue and reports, and decide on them (ask, acknowledge, close, open or merge). */
    REPORT_TRIAGE,
    /** See a case: line-scoped roles only when the case is assigned to one of their lines. */
    CASE_VIEW,
    /** Open, edit, score and move cases; assign remediation tasks. */
    CASE_MANAGE,
    /** Work on a remediation task and write on the case's timeline (line-scoped for engineers). */
    CASE_WORK,
    /** Download proof-of-concept files: live exploits, so not every reader may. */
    ATTACHMENT_DOWNLOAD,
    /** Change the acknowledgement, triage and fix targets. */
    SLA_POLICY_EDIT,
    /** See the outgoing mail queue and its delivery state. */
    OUTBOX_VIEW,
    /** See the directory of outside parties (coordinators, CNAs, vendors, suppliers, researcher groups). */
    PARTY_VIEW,
    /** Add, change, import and remove parties. */
    PARTY_MANAGE,
    /** Draft advisories from cases, edit them and send them to review; read every advisory. */
    ADVISORY_EDIT,
    /** Approve (or send back) an advisory in review, and publish approved ones. */
    ADVISORY_APPROVE,
    /** Import or rotate the OpenPGP key that signs published advisories. */
    SIGNING_KEY_MANAGE,
    /** As an outside participant: see the cases shared with one's party, only what each shares. */
    SHARED_CASE_VIEW,
    /** As an outside participant: answer, write, upload and respond to the embargo on a shared case. */
    SHARED_CASE_ANSWER
}
