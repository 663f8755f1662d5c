-- The dashboard counts open cases, takes medians over last year's fixed cases and reports, and (for line people)
-- keeps to the cases their lines have tasks on. Without these indexes each of those is a sequential scan of a
-- wide table (the stored search vectors make case and report rows over 1 kB); with 100,000 cases and reports
-- that made the dashboard take half a second and more (docs/benchmarks.md). Each index covers what its query
-- reads, so the scans stay in the index.
create index psirt_case_open_idx on psirt_case (state) include (id, severity)
    where state not in ('CLOSED', 'REJECTED');
create index psirt_case_fix_deployed_idx on psirt_case (fix_deployed_at) include (vendor_aware_at, id)
    where fix_deployed_at is not null;
create index remediation_task_line_case_idx on remediation_task (line_id) include (case_id);

-- Replaces report_received_at_idx (a btree is read in both directions, so nothing loses its index) and adds what
-- the acknowledgement and triage medians read.
drop index report_received_at_idx;
create index report_received_at_idx on report (received_at) include (acknowledged_at, triaged_at, paused_seconds);

-- Open tasks per line (the dashboard's chart) read the line from the open-task index instead of the table.
drop index remediation_task_open_due_idx;
create index remediation_task_open_due_idx on remediation_task (due_on) include (line_id, line_name)
    where state in ('OPEN', 'IN_PROGRESS', 'FIX_READY');
