-- CVE ids: the organisation's ids from CVE Services (or assigned by an outside CNA) and every reservation request, so that nothing reserved is lost.
-- A request row is written (pending) before CVE Services is called and settled after; a crash in between leaves
-- a pending or unknown request that the next reservation or an explicit reconcile settles from GET /cve-id.
create table cve_reservation_request (
    id               uuid primary key,
    case_id          uuid not null references psirt_case (id),
    vulnerability_id uuid not null references vulnerability (id),
    cve_year         integer not null,
    -- PENDING (calling CVE Services), COMPLETED, FAILED (nothing was reserved), UNKNOWN (an id may have been
    -- reserved but the answer was lost), RECONCILED (an UNKNOWN one settled from CVE Services' list).
    state            text not null,
    cve_id           text,
    error            text,
    requested_by     uuid not null,
    requested_at     timestamptz not null,
    settled_at       timestamptz
);

-- At most one request in flight per vulnerability: concurrent attempts for the same vulnerability are refused.
create unique index cve_reservation_request_pending_idx on cve_reservation_request (vulnerability_id)
    where state = 'PENDING';
create index cve_reservation_request_state_idx on cve_reservation_request (state, requested_at);

create table cve_id (
    cve_id           text primary key,
    -- RESERVED (ours, not used yet), ASSIGNED (on a vulnerability), PUBLISHED, REJECTED.
    state            text not null,
    -- CVE_SERVICES: reserved by Koban as a CNA; CNA: assigned by an outside CNA and recorded by hand.
    source           text not null,
    -- No cascade: an id on a vulnerability must not vanish with it.
    case_id          uuid references psirt_case (id),
    vulnerability_id uuid references vulnerability (id),
    request_id       uuid references cve_reservation_request (id) on delete set null,
    -- True when the id was found in CVE Services' list rather than in the answer to our own request.
    adopted          boolean not null default false,
    reserved_at      timestamptz not null,
    assigned_at      timestamptz,
    published_at     timestamptz,
    updated_at       timestamptz,
    rejected_at      timestamptz,
    -- The CNA container last sent (or last downloaded for an outside CNA), as JSON text.
    last_container   text,
    check (state in ('RESERVED', 'ASSIGNED', 'PUBLISHED', 'REJECTED')),
    check (state <> 'RESERVED' or vulnerability_id is null),
    check (state not in ('ASSIGNED', 'PUBLISHED') or vulnerability_id is not null)
);

-- One id per vulnerability, one vulnerability per id.
create unique index cve_id_vulnerability_idx on cve_id (vulnerability_id) where vulnerability_id is not null;
create index cve_id_free_idx on cve_id (state, cve_id) where state = 'RESERVED';
