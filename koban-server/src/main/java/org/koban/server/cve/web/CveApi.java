package org.koban.server.cve.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.koban.server.access.Actor;
import org.koban.server.cve.CaseCves;
import org.koban.server.cve.CveIdState;
import org.koban.server.cve.CveIdView;
import org.koban.server.cve.CveIds;
import org.koban.server.cve.Reconciliation;
import org.koban.server.shared.InvalidInputException;
import org.koban.server.shared.Validation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** CVE ids over REST: per vulnerability of a case, and the organisation's ids. */
@RestController
@Tag(name = "CVE ids", description = "Reserve, assign, publish and reject CVE ids; CVE record files")
class CveApi {

    private static final String VULNERABILITY = "/api/v1/cases/{caseId}/vulnerabilities/{vulnerabilityId}/cve";

    private final CveIds cveIds;

    CveApi(CveIds cveIds) {
        this.cveIds = cveIds;
    }

    record AssignedBody(@Nullable String cveId) {}

    record RejectBody(@Nullable String reason) {}

    @GetMapping("/api/v1/cases/{caseId}/cve")
    @Operation(summary = "The case's vulnerabilities with their CVE ids, and whether Koban is a connected CNA")
    CaseCves forCase(Actor actor, @PathVariable UUID caseId) {
        return cveIds.forCase(actor, caseId);
    }

    @PostMapping(VULNERABILITY + "/reservation")
    @Operation(
            summary = "Give the vulnerability a CVE id: an unused one of the pool, else one reserved at CVE Services",
            description = "Needs CNA credentials (409 without them). CVE Services' failures are 502/503 problems"
                    + " with a `reason`: BAD_CREDENTIALS, QUOTA_EXHAUSTED, RATE_LIMITED, UNAVAILABLE, REFUSED,"
                    + " OUTCOME_UNKNOWN (reconciled before the next reservation).")
    CveIdView reserve(Actor actor, @PathVariable UUID caseId, @PathVariable UUID vulnerabilityId) {
        return cveIds.reserveAndAssign(actor, caseId, vulnerabilityId);
    }

    @PostMapping(VULNERABILITY + "/publication")
    @Operation(summary = "Publish the vulnerability's CVE record at CVE Services, or update it when published")
    CveIdView publish(Actor actor, @PathVariable UUID caseId, @PathVariable UUID vulnerabilityId) {
        return cveIds.publish(actor, caseId, vulnerabilityId);
    }

    @PostMapping(VULNERABILITY + "/assigned")
    @Operation(summary = "Record the CVE id an outside CNA assigned to the vulnerability")
    CveIdView assigned(
            Actor actor,
            @PathVariable UUID caseId,
            @PathVariable UUID vulnerabilityId,
            @RequestBody AssignedBody body) {
        if (body.cveId() == null) throw InvalidInputException.of("cveId", "is required");
        return cveIds.recordAssigned(actor, caseId, vulnerabilityId, body.cveId());
    }

    @GetMapping(VULNERABILITY + "/cna-container")
    @Operation(summary = "The body for POST /cve/{id}/cna: {\"cnaContainer\": …}, valid against CVE JSON 5.1.1")
    ResponseEntity<String> cnaContainer(Actor actor, @PathVariable UUID caseId, @PathVariable UUID vulnerabilityId) {
        return download(cveIds.cnaContainer(actor, caseId, vulnerabilityId), "cna-container-" + vulnerabilityId);
    }

    @GetMapping(VULNERABILITY + "/record")
    @Operation(summary = "The whole CVE record of a vulnerability that has a CVE id, valid against CVE JSON 5.1.1")
    ResponseEntity<String> record(Actor actor, @PathVariable UUID caseId, @PathVariable UUID vulnerabilityId) {
        return download(cveIds.record(actor, caseId, vulnerabilityId), "cve-record-" + vulnerabilityId);
    }

    @PostMapping("/api/v1/cases/{caseId}/cve/publication")
    @Operation(summary = "Publish or update the CVE records of every vulnerability of the case with a reserved id")
    List<CveIdView> publishCase(Actor actor, @PathVariable UUID caseId) {
        return cveIds.publishCase(actor, caseId);
    }

    @GetMapping("/api/v1/cve-ids")
    @Operation(summary = "The organisation's CVE ids as Koban knows them (PSIRT only)")
    List<CveIdView> list(Actor actor, @RequestParam(required = false) @Nullable String state) {
        return cveIds.list(actor, Validation.choice(CveIdState.class, "state", state));
    }

    @PostMapping("/api/v1/cve-ids/reconciliation")
    @Operation(summary = "Compare with CVE Services' list: adopt reservations whose answer was lost")
    Reconciliation reconcile(Actor actor) {
        return cveIds.reconcile(actor);
    }

    @PostMapping("/api/v1/cve-ids/{cveId}/rejection")
    @Operation(summary = "Reject an unused reserved id at CVE Services")
    CveIdView reject(Actor actor, @PathVariable String cveId, @RequestBody RejectBody body) {
        return cveIds.reject(actor, cveId.toUpperCase(Locale.ROOT), body.reason() == null ? "" : body.reason());
    }

    private static ResponseEntity<String> download(String json, String name) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".json\"")
                .header("X-Content-Type-Options", "nosniff")
                .body(json);
    }
}
