-- The mail outbox: mail is written here in the transaction that causes it and sent later by the delivery
-- job. The body is cleared once the mail is sent, so that tracking links do not stay in the database.
create table mail_outbox (
    id                 uuid primary key,
    kind               text not null,
    recipient          text not null,
    subject            text not null,
    -- Plain text, or for an encrypted mail the ASCII-armoured OpenPGP message (a MIME entity inside).
    body               text,
    encrypted          boolean not null,
    -- Why a recipient's key could not be used, when a safe notice was sent instead.
    encryption_problem text,
    state              text not null check (state in ('PENDING', 'SENT', 'FAILED')),
    attempts           int not null default 0,
    next_attempt_at    timestamptz not null,
    last_error         text,
    created_at         timestamptz not null,
    sent_at            timestamptz
);
create index mail_outbox_due on mail_outbox (next_attempt_at) where state = 'PENDING';
create index mail_outbox_created on mail_outbox (created_at desc, id);

-- Which kinds of mail a user does not want. No row means "yes": every kind is on by default.
create table mail_opt_out (
    user_id uuid not null references app_user (id) on delete cascade,
    topic   text not null,
    primary key (user_id, topic)
);
