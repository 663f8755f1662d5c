-- The product catalogue: families (series), products owned by a production line, and their versions with identifiers.
-- Searches use ILIKE over tens of thousands of rows at most (a sequential scan takes milliseconds), so only
-- natural keys, foreign keys and filters are indexed; pg_trgm is not available on every PostgreSQL.
create table product_family (
    id          uuid primary key,
    code        text not null,
    name        text not null,
    description text not null default '',
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create unique index product_family_code on product_family (lower(code));

create table product (
    id          uuid primary key,
    line_id     uuid not null references production_line (id),
    family_id   uuid references product_family (id),
    code        text not null,
    name        text not null,
    description text not null default '',
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create unique index product_code on product (lower(code));
create index product_line on product (line_id);
create index product_family_ref on product (family_id);
create index product_name on product (lower(name));

create table product_version (
    id                  uuid primary key,
    product_id          uuid not null references product (id),
    version             text not null,
    lifecycle           text not null check (lifecycle in ('IN_DEVELOPMENT', 'ON_MARKET', 'END_OF_SUPPORT')),
    release_date        date,
    end_of_support_date date,
    cpe                 text,
    purl                text,
    model_numbers       text[] not null default '{}',
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    constraint product_version_dates check (
        end_of_support_date is null or release_date is null or end_of_support_date >= release_date)
);
create unique index product_version_key on product_version (product_id, version);
create index product_version_lifecycle on product_version (lifecycle);
create index product_version_cpe on product_version (cpe);
create index product_version_purl on product_version (purl);
