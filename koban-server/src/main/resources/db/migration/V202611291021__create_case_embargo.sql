-- The embargo of a case (coordination module). Ends are stored as instants with the zone they were given in.
create table case_embargo (
    case_id        uuid primary key references psirt_case (id) on delete cascade,
    state          text not null,
    end_at         timestamptz,
    end_zone       text,
    proposed_at    timestamptz,
    proposed_zone  text,
    ended_at       timestamptz,
    end_reason     text,
    updated_at     timestamptz not null
);

create index case_embargo_binding_idx on case_embargo (end_at) where state in ('ACTIVE', 'REVISING');
