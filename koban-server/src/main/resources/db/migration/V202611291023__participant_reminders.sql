-- Reminders to participants who have not answered, on a schedule the PSIRT sets per participant.
alter table case_participant
    add column remind_every_days integer check (remind_every_days between 1 and 90),
    add column last_reminded_at  timestamptz;
