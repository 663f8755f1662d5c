-- Advisories drafted from cases, and their published revisions (advisories module). A published revision's
-- CSAF document is kept exactly as published; the draft's content is what the analyst wrote.
create table advisory_tracking_counter (
    year       integer primary key,
    last_value integer not null
);

create table advisory (
    id                   uuid primary key,
    case_id              uuid not null unique references psirt_case (id),
    tracking_id          text not null unique,
    state                text not null check (state in ('DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED')),
    title                text not null,
    summary              text not null,
    impact               text,
    fix                  text,
    fix_url              text,
    workaround           text,
    mitigation           text,
    "references"         text[] not null default '{}',
    tlp                  text not null default 'WHITE',
    version              integer not null default 0,
    revision_summary     text,
    editor_ids           uuid[] not null default '{}',
    editor_names         text[] not null default '{}',
    approved_by          uuid,
    approved_by_name     text,
    changes_requested    text,
    -- The CSAF document frozen at approval; publication publishes exactly this, with the moment of publication.
    approved_csaf        text,
    initial_release_date timestamptz,
    current_release_date timestamptz,
    created_at           timestamptz not null,
    updated_at           timestamptz not null
);

create table advisory_revision (
    advisory_id uuid not null references advisory (id) on delete cascade,
    number      integer not null,
    date        timestamptz not null,
    summary     text not null,
    csaf        text not null,
    primary key (advisory_id, number)
);
