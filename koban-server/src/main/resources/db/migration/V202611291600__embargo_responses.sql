-- Each participant's answer to an embargo proposal (or revision), kept per proposed end.
create table embargo_response (
    case_id        uuid not null references psirt_case (id) on delete cascade,
    participant_id uuid not null references case_participant (id) on delete cascade,
    proposed_at    timestamptz not null,
    accepted       boolean not null,
    responded_at   timestamptz not null,
    primary key (case_id, participant_id, proposed_at)
);
