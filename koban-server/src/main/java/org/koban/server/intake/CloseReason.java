package org.koban.server.intake;

/** Why a report was closed without a case (the typed reason the architecture asks for). */
public enum CloseReason {
    NOT_A_VULNERABILITY,
    OUT_OF_SCOPE,
    NOT_REPRODUCIBLE,
    SPAM,
    ALREADY_FIXED,
    OTHER_VENDOR
}
