-- Users, their roles and line memberships, and API tokens (stored only as SHA-256 hashes).
create table app_user (
    id                  uuid primary key,
    email               text not null,
    display_name        text not null,
    password_hash       text not null,
    roles               text[] not null,
    enabled             boolean not null default true,
    failed_logins       int not null default 0,
    locked_until        timestamptz,
    created_at          timestamptz not null,
    password_changed_at timestamptz not null,
    last_login_at       timestamptz
);
create unique index app_user_email on app_user (lower(email));

create table user_line (
    user_id uuid not null references app_user (id) on delete cascade,
    line_id uuid not null references production_line (id),
    primary key (user_id, line_id)
);
create index user_line_line on user_line (line_id);

create table api_token (
    id           uuid primary key,
    user_id      uuid not null references app_user (id) on delete cascade,
    name         text not null,
    token_hash   char(64) not null unique,
    token_prefix text not null,
    created_at   timestamptz not null,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_user on api_token (user_id);
