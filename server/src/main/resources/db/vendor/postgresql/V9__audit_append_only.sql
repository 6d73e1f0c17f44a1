-- The audit log is append-only: no update, no delete, no truncate, whoever asks (the application included).
create function audit_entry_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_entry_no_update_or_delete before update or delete on audit_entry
    for each row execute function audit_entry_refuse_change();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_refuse_change();
