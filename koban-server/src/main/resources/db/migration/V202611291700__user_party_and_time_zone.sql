-- Outside participants belong to one party (the organisation that invited them in); staff belong to none.
-- Everyone may choose the time zone in which Koban shows them dates and times (UTC until they do).
alter table app_user add column party_id uuid references party (id);
alter table app_user add column time_zone text;
create index app_user_party on app_user (party_id) where party_id is not null;
