-- The directory of outside parties (coordination module).
create table party (
    id           uuid primary key,
    name         text not null,
    kind         text not null,
    country      text,
    website      text,
    security_txt text,
    pgp_key      text,
    notes        text not null default '',
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);

create unique index party_name_idx on party (lower(name));

create table party_contact (
    party_id uuid not null references party (id) on delete cascade,
    position integer not null,
    name     text,
    email    text,
    role     text,
    primary key (party_id, position)
);
