-- Cases: vulnerabilities with per-version statuses, remediation tasks per production line, and the timeline.
-- "case" is an SQL keyword, hence psirt_case.
create table case_reference_counter (
    year       integer primary key,
    last_value integer not null
);

create table psirt_case (
    id                  uuid primary key,
    reference           text not null unique,
    title               text not null,
    summary             text not null default '',
    state               text not null,
    state_reason        text,
    -- The highest severity of its vulnerabilities, kept here for lists, filters and the dashboard.
    severity            text,
    opened_at           timestamptz not null,
    updated_at          timestamptz not null,
    vendor_aware_at     timestamptz,
    fix_ready_at        timestamptz,
    fix_deployed_at     timestamptz,
    public_aware_at     timestamptz,
    exploit_public_at   timestamptz,
    attacks_observed_at timestamptz,
    search              tsvector generated always as (
        to_tsvector('simple'::regconfig, reference || ' ' || title || ' ' || left(summary, 100000))) stored
);

create index psirt_case_state_idx on psirt_case (state, updated_at desc);
create index psirt_case_search_idx on psirt_case using gin (search);

create table vulnerability (
    id             uuid primary key,
    case_id        uuid not null references psirt_case (id) on delete cascade,
    title          text not null,
    description    text not null default '',
    cwe_id         text,
    cwe_name       text,
    cvss3_vector   text,
    cvss3_score    numeric(3, 1),
    cvss3_severity text,
    cvss4_vector   text,
    cvss4_score    numeric(3, 1),
    cvss4_severity text,
    cve            text,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);

create index vulnerability_case_idx on vulnerability (case_id, created_at);
create unique index vulnerability_cve_idx on vulnerability (cve) where cve is not null;

-- Product versions belong to the catalogue module: referenced by id, with the line copied at decision time
-- (the line decides who sees the status and who gets the task).
create table vulnerability_status (
    vulnerability_id   uuid not null references vulnerability (id) on delete cascade,
    product_version_id uuid not null,
    product_name       text not null,
    version            text not null,
    line_id            uuid not null,
    status             text not null,
    justification      text,
    statement          text,
    updated_at         timestamptz not null,
    primary key (vulnerability_id, product_version_id)
);

create table remediation_task (
    id             uuid primary key,
    case_id        uuid not null references psirt_case (id) on delete cascade,
    line_id        uuid not null,
    line_name      text not null,
    state          text not null,
    owner_id       uuid,
    owner_name     text,
    due_on         date not null,
    fixed_versions text,
    reason         text,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    released_at    timestamptz,
    unique (case_id, line_id)
);

create index remediation_task_line_idx on remediation_task (line_id, state);
create index remediation_task_open_due_idx on remediation_task (due_on) where state in ('OPEN', 'IN_PROGRESS', 'FIX_READY');

create table timeline_entry (
    id         bigserial primary key,
    case_id    uuid not null references psirt_case (id) on delete cascade,
    at         timestamptz not null,
    actor_id   uuid,
    actor_name text,
    kind       text not null,
    internal   boolean not null default true,
    text       text not null
);

create index timeline_entry_case_idx on timeline_entry (case_id, id desc);

-- SLA alerts already sent, so the job tells each owner once per target and level.
create table sla_alert_sent (
    subject_id uuid not null,
    target     text not null,
    level      text not null,
    sent_at    timestamptz not null,
    primary key (subject_id, target, level)
);
