-- Outside parties on a case, and their answer per vulnerability (coordination module).
create table case_participant (
    id                 uuid primary key,
    case_id            uuid not null references psirt_case (id) on delete cascade,
    party_id           uuid not null references party (id),
    role               text not null,
    their_reference    text,
    first_contacted_at timestamptz,
    viewed_at          timestamptz,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    unique (case_id, party_id)
);

create table participant_answer (
    participant_id   uuid not null references case_participant (id) on delete cascade,
    vulnerability_id uuid not null references vulnerability (id) on delete cascade,
    status           text not null,
    statement        text,
    "references"     text[] not null default '{}',
    updated_at       timestamptz not null,
    primary key (participant_id, vulnerability_id)
);
