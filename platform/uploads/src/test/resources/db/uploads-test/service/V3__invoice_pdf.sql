-- A later migration of the service that references the platform's table.
alter table invoice add column pdf_file_id bigint references stored_file (id);
