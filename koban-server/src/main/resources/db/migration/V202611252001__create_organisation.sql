-- Sites (factories, business units) and their production lines: the owners of products.
create table site (
    id          uuid primary key,
    code        text not null,
    name        text not null,
    country     char(2) not null,
    city        text not null default '',
    description text not null default '',
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create unique index site_code on site (lower(code));

create table production_line (
    id          uuid primary key,
    site_id     uuid not null references site (id),
    code        text not null,
    name        text not null,
    description text not null default '',
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create unique index production_line_code on production_line (lower(code));
create index production_line_site on production_line (site_id);
