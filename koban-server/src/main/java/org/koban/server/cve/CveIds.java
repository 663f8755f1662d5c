package org.koban.server.cve;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;

/**
 * CVE ids of the organisation's vulnerabilities. Reading follows the case ({@code CASE_VIEW}, line-scoped:
 * another line's case is "not found"); every change needs {@code CASE_MANAGE} and writes an audit entry, and
 * a case timeline entry when it concerns a case. Calls to CVE Services fail with {@link CveServicesException}.
 *
 * <p>Invariants: an id is on at most one vulnerability, a vulnerability has at most one id, and an id CVE
 * Services reserved for Koban is never forgotten (a lost answer is adopted from CVE Services' list by the
 * next reservation or by {@link #reconcile}).
 */
public interface CveIds {

    /** Whether CNA credentials are configured. */
    boolean connected();

    CaseCves forCase(Actor actor, UUID caseId);

    /**
     * Gives the vulnerability an id: an unused one of the organisation's pool, else a new one reserved at CVE
     * Services. A second attempt for the same vulnerability while one is under way is refused.
     */
    CveIdView reserveAndAssign(Actor actor, UUID caseId, UUID vulnerabilityId);

    /** Publishes the vulnerability's CVE record at CVE Services, or updates it when already published. */
    CveIdView publish(Actor actor, UUID caseId, UUID vulnerabilityId);

    /**
     * Publishes (or updates) the records of every vulnerability of the case that has an id reserved by Koban.
     * Meant for the advisories module, to call when the case's advisory is published.
     */
    List<CveIdView> publishCase(Actor actor, UUID caseId);

    /** Rejects an unused reserved id at CVE Services. */
    CveIdView reject(Actor actor, String cveId, String reason);

    /** The organisation's ids as Koban knows them, newest first; all states when {@code state} is null. */
    List<CveIdView> list(Actor actor, @Nullable CveIdState state);

    /** Compares with CVE Services' list: adopts lost reservations, settles unknown requests. */
    Reconciliation reconcile(Actor actor);

    /** The body for {@code POST /cve/{id}/cna}: {@code {"cnaContainer": {...}}}, pretty-printed JSON. */
    String cnaContainer(Actor actor, UUID caseId, UUID vulnerabilityId);

    /** The whole CVE record (format 5.1) of a vulnerability that has a CVE id, pretty-printed JSON. */
    String record(Actor actor, UUID caseId, UUID vulnerabilityId);

    /** Records the id an outside CNA assigned, and sets it on the vulnerability. */
    CveIdView recordAssigned(Actor actor, UUID caseId, UUID vulnerabilityId, String cveId);
}
