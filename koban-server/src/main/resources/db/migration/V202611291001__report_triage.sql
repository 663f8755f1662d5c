-- Triage: decisions and clocks on reports, the conversation with the reporter, and full-text search.
alter table report
    add column acknowledged_at timestamptz,
    add column triaged_at      timestamptz,
    add column forwarded_to    text,
    add column close_note      text,
    -- The case the report became or was merged into; cases are another module, so no foreign key.
    add column case_id         uuid,
    add column case_reference  text,
    -- The triage clock stops while we wait for the reporter: paused_at is set while waiting, and
    -- paused_seconds sums the finished waits.
    add column paused_at       timestamptz,
    add column paused_seconds  bigint not null default 0,
    add column search          tsvector generated always as (
        to_tsvector('simple'::regconfig,
            reference || ' ' || coalesce(product_text, '') || ' ' || coalesce(version, '') || ' '
            || left(description, 100000) || ' ' || coalesce(impact, '') || ' ' || coalesce(reporter_name, '')
            || ' ' || coalesce(reporter_organisation, ''))) stored;

create index report_search_idx on report using gin (search);
create index report_case_idx on report (case_id) where case_id is not null;
create index report_open_idx on report (received_at) where state in ('RECEIVED', 'NEEDS_INFORMATION');

create table report_message (
    id          uuid primary key,
    report_id   uuid not null references report (id) on delete cascade,
    author      text not null check (author in ('REPORTER', 'PSIRT')),
    author_id   uuid,
    author_name text,
    internal    boolean not null default false,
    body        text not null,
    created_at  timestamptz not null
);

create index report_message_report_idx on report_message (report_id, created_at);
