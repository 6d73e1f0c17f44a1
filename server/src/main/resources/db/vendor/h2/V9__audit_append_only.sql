-- The audit log is append-only: no update, no delete, whoever asks (the application included).
create trigger audit_entry_no_update before update on audit_entry for each row call 'dev.lantu.accounts.store.AppendOnlyTrigger';
create trigger audit_entry_no_delete before delete on audit_entry for each row call 'dev.lantu.accounts.store.AppendOnlyTrigger';
