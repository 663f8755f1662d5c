-- Reports arrive from untrusted, anonymous reporters: stored as received, with encrypted PoC attachments and a tracking capability kept only as a hash.
-- The client's address is deliberately not stored: the rate limit needs it only in memory, and a reporter's address is personal data we have no use for.
create table report_reference_counter (
    year       integer primary key,
    last_value integer not null
);

create table report (
    id                    uuid primary key,
    reference             text not null unique,
    received_at           timestamptz not null,
    state                 text not null,
    close_reason          text,
    product_id            uuid references product (id) on delete set null,
    product_text          text,
    version               text,
    description           text not null,
    impact                text,
    steps_to_reproduce    text,
    already_public        boolean not null default false,
    exploited             boolean not null default false,
    "references"          text[] not null default '{}',
    disclosure_plans      text,
    reporter_name         text,
    reporter_organisation text,
    reporter_email        text,
    reporter_pgp_key      text,
    credit_as             text,
    share_contact         boolean not null default false,
    tracking_hash         text not null unique,
    updated_at            timestamptz not null
);

create index report_received_at_idx on report (received_at desc);
create index report_state_idx on report (state);

create table report_attachment (
    id           uuid primary key,
    report_id    uuid not null references report (id) on delete cascade,
    file_name    text not null,
    content_type text not null,
    size         bigint not null,
    sha256       text not null,
    storage_key  text not null unique,
    created_at   timestamptz not null
);

create index report_attachment_report_idx on report_attachment (report_id);
