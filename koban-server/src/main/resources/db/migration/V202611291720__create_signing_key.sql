-- The OpenPGP key that signs published CSAF documents (distribution module). The secret key is stored only
-- encrypted with its passphrase (OpenPGP S2K), which is kept outside the database; rotation adds a new active key.
create table signing_key (
    fingerprint    text primary key,
    public_key     text not null,
    secret_key     text not null,
    created_at     timestamptz not null,
    active         boolean not null
);
create unique index signing_key_one_active on signing_key (active) where active;
