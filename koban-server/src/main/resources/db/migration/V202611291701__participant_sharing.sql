-- What a case shares with each participant, their thread with the PSIRT, their files, and invitations to
-- the participant portal (coordination module). Nothing is shared until the PSIRT says so.
alter table case_participant
    add column share_summary          boolean not null default false,
    add column share_reporter_contact boolean not null default false;

create table participant_shared_vulnerability (
    participant_id   uuid not null references case_participant (id) on delete cascade,
    vulnerability_id uuid not null references vulnerability (id) on delete cascade,
    shared_at        timestamptz not null,
    primary key (participant_id, vulnerability_id)
);

-- Report attachments (PoC files) shared with a participant; the file itself stays where intake keeps it.
create table participant_shared_attachment (
    participant_id uuid not null references case_participant (id) on delete cascade,
    attachment_id  uuid not null references report_attachment (id) on delete cascade,
    shared_at      timestamptz not null,
    primary key (participant_id, attachment_id)
);

-- Files a participant uploads, encrypted like reporters' files; seen by the PSIRT and that participant only.
create table participant_file (
    id             uuid primary key,
    participant_id uuid not null references case_participant (id) on delete cascade,
    file_name      text not null,
    size           bigint not null,
    sha256         text not null,
    storage_key    text not null unique,
    uploaded_by    uuid not null,
    uploaded_at    timestamptz not null
);
create index participant_file_participant on participant_file (participant_id);

-- The participant's side of the case: messages both ways and what happened that concerns them. It is what
-- the portal shows and what the JSON export contains; internal notes never come here.
create table participant_thread (
    id             uuid primary key,
    participant_id uuid not null references case_participant (id) on delete cascade,
    at             timestamptz not null,
    kind           text not null,
    author_id      uuid,
    author_name    text not null,
    from_party     boolean not null,
    body           text not null,
    file_id        uuid references participant_file (id) on delete set null
);
create index participant_thread_participant on participant_thread (participant_id, at);

create table participant_invitation (
    id             uuid primary key,
    participant_id uuid not null references case_participant (id) on delete cascade,
    email          text not null,
    display_name   text not null,
    token_hash     text not null unique,
    invited_by     uuid not null,
    created_at     timestamptz not null,
    expires_at     timestamptz not null,
    accepted_at    timestamptz,
    user_id        uuid references app_user (id)
);
create index participant_invitation_participant on participant_invitation (participant_id);
