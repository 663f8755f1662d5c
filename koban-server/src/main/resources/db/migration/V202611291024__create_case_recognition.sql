-- Third-party recognition of a case: who confirmed it, their id and their published note (coordination module).
create table case_recognition (
    id           uuid primary key,
    case_id      uuid not null references psirt_case (id) on delete cascade,
    party_id     uuid not null references party (id),
    their_id     text,
    url          text,
    confirmed_on date not null,
    recorded_at  timestamptz not null
);

create index case_recognition_case_idx on case_recognition (case_id);
