-- One row: the organisation's SLA targets, in days. Absent means the defaults (2 / 7 / 30-60-90-180).
create table sla_policy (
    id                uuid primary key,
    acknowledge_days  integer not null check (acknowledge_days between 1 and 3650),
    triage_days       integer not null check (triage_days between 1 and 3650),
    fix_critical_days integer not null check (fix_critical_days between 1 and 3650),
    fix_high_days     integer not null check (fix_high_days between 1 and 3650),
    fix_medium_days   integer not null check (fix_medium_days between 1 and 3650),
    fix_low_days      integer not null check (fix_low_days between 1 and 3650),
    warning_percent   integer not null check (warning_percent between 1 and 99),
    updated_at        timestamptz not null,
    updated_by        uuid not null
);
