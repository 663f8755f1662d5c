-- Scheduled publication of an approved advisory: at a chosen moment, or when the case's embargo ends.
alter table advisory
    add column publish_at             timestamptz,
    add column publish_at_embargo_end boolean not null default false;
create index advisory_scheduled on advisory (publish_at) where state = 'APPROVED';
