-- At most one import run (file import, SS 12000 or Microsoft Graph sync) in progress per organisation, decided by the
-- database so that it holds across nodes: the insert of a second RUNNING run of a tenant fails on this index, and
-- the API answers 409 naming the run in progress (roster-module/IMPORT.md, "Admission").
--
-- Runs left RUNNING before this version (by a crash or an OutOfMemoryError) would block every later import of their
-- organisation; all but the newest of each organisation are closed here as interrupted. The newest is closed at the
-- first start-up of this version if no node holds its run lock.
update import_run r
   set status = 'FAILED',
       finished_at = now(),
       duration_ms = greatest(0, (extract(epoch from (now() - r.started_at)) * 1000)::bigint),
       phase = null,
       problem_count = 1,
       problems = 'import: the run was interrupted (the server stopped or failed during it); nothing of it was written'
 where r.status = 'RUNNING'
   and exists (select 1 from import_run newer
                where newer.tenant_id = r.tenant_id and newer.status = 'RUNNING'
                  and (newer.started_at, newer.id) > (r.started_at, r.id));

create unique index uq_import_run_running on import_run (tenant_id) where status = 'RUNNING';
