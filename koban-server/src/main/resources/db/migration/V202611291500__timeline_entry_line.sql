-- Timeline entries about one production line's part of a case (its status decisions, its task) carry that
-- line, so that people of other lines working on the same case do not see them.
alter table timeline_entry add column line_id uuid references production_line (id);
