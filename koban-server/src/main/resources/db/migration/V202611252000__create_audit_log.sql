-- The append-only, hash-chained audit log; the head row serialises appends and records the newest hash.
create table audit_log (
    seq           bigint primary key,
    occurred_at   timestamptz not null,
    actor_id      uuid not null,
    actor_name    text not null,
    action        text not null,
    entity_type   text not null,
    entity_id     text not null,
    before_state  text,
    after_state   text,
    previous_hash char(64) not null,
    hash          char(64) not null unique
);
create index audit_log_entity on audit_log (entity_type, entity_id);

create table audit_chain_head (
    id   int primary key check (id = 1),
    seq  bigint not null,
    hash char(64) not null
);
insert into audit_chain_head (id, seq, hash) values (1, 0, repeat('0', 64));

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % is not allowed', tg_op;
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();
