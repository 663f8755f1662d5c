-- The triage queue orders the open reports (by receipt, or by triage target: receipt plus paused time) and shows
-- one page. With these columns in the open-report index the order is worked out from the index alone, and only
-- the page's rows are read from the table; before, every open report's row was (docs/benchmarks.md).
drop index report_open_idx;
create index report_open_idx on report (received_at) include (id, reference, triaged_at, paused_seconds)
    where state in ('RECEIVED', 'NEEDS_INFORMATION');
