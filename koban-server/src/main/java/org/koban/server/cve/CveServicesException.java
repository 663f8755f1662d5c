package org.koban.server.cve;

/**
 * CVE Services could not do what was asked. The {@link Reason} says what the user can do about it; the
 * message is meant for them. Nothing was recorded as reserved, published or rejected when this is thrown,
 * except for {@link Reason#OUTCOME_UNKNOWN}, where Koban keeps the request to reconcile it later.
 */
public class CveServicesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** No CNA credentials are configured: use the record file and an outside CNA. */
        NOT_CONFIGURED,
        /** 401, or 403 without a quota error: the org, user or API key is wrong or lacks the CNA role. */
        BAD_CREDENTIALS,
        /** The organisation's quota of reserved ids is used up. */
        QUOTA_EXHAUSTED,
        /** 429 still after the configured number of retries. */
        RATE_LIMITED,
        /** 400 or 404: CVE Services refused the request itself (its message says why). */
        REFUSED,
        /** 5xx on a request that changed nothing, or that can safely be repeated. */
        UNAVAILABLE,
        /** A network error, timeout or 5xx after the request may have been carried out: reconcile. */
        OUTCOME_UNKNOWN
    }

    private final Reason reason;
    private final String code;

    public CveServicesException(Reason reason, String message) {
        this(reason, "", message);
    }

    /** @param code CVE Services' own error name (e.g. {@code CVE_RECORD_EXISTS}); empty when it gave none */
    public CveServicesException(Reason reason, String code, String message) {
        super(message);
        this.reason = reason;
        this.code = code;
    }

    public CveServicesException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.code = "";
    }

    /** CVE Services' error name, or empty. */
    public String code() {
        return code;
    }

    public Reason reason() {
        return reason;
    }
}
