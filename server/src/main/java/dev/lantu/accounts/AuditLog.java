package dev.lantu.accounts;

import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.lantu.accounts.store.AuditStore;
import dev.lantu.tables.TableFormat;
import dev.lantu.tables.TableWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit log. Every write records who, when, from where, what, before and after, and it must be
 * inside the writing transaction (MANDATORY): the entry and the change commit together or not at all. Nobody
 * can alter an entry: there is no method for it and the database refuses UPDATE and DELETE on the table.
 * Administrators read and export it.
 */
@Service
public class AuditLog {

	private final AuditStore store;

	private final JsonMapper json;

	public AuditLog(AuditStore store, JsonMapper json) {
		this.store = store;
		this.json = json;
	}

	/**
	 * Records a write by the current caller. {@code before} and {@code after} are the record's states (any
	 * record or map JSON can show; null when there is none); {@code district} is the district the record
	 * belongs to, when it has one, so a district's entries can be found.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String action, String entityType, String entityId, String district, Object before,
			Object after) {
		record(AuditOrigin.current(), action, entityType, entityId, district, before, after);
	}

	/** Records a write on behalf of {@code origin}, e.g. a background job that a request started. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(AuditOrigin origin, String action, String entityType, String entityId, String district,
			Object before, Object after) {
		Caller caller = origin.caller();
		store.insert(OffsetDateTime.now(), caller.username(), caller.role() == null ? null : caller.role().name(),
				origin.remoteAddress(), action, entityType, entityId, district, toJson(before), toJson(after));
	}

	@Transactional(readOnly = true)
	public List<AuditEntry> search(AuditFilter filter, int page, int size) {
		Access.require(Access.caller().isAdministrator(), "read the audit log");
		return store.search(filter, Math.max(page, 0), Math.max(1, Math.min(size, 1000)));
	}

	@Transactional(readOnly = true)
	public long count(AuditFilter filter) {
		Access.require(Access.caller().isAdministrator(), "read the audit log");
		return store.count(filter);
	}

	/** Every matching entry, oldest first, as CSV or XLSX, streamed. */
	@Transactional(readOnly = true)
	public void export(AuditFilter filter, TableFormat format, OutputStream out) {
		Access.require(Access.caller().isAdministrator(), "export the audit log");
		try (TableWriter.Sheet sheet = TableWriter.open(format, out, List.of("id", "recorded_at", "actor",
				"actor_role", "remote_address", "action", "entity_type", "entity_id", "district", "before", "after"))) {
			store.each(filter, entry -> sheet.row(Arrays.asList(String.valueOf(entry.id()),
					entry.recordedAt().toString(), entry.actor(), entry.actorRole(), entry.remoteAddress(),
					entry.action(), entry.entityType(), entry.entityId(), entry.district(), entry.before(),
					entry.after())));
		}
	}

	private String toJson(Object state) {
		if (state == null) {
			return null;
		}
		return state instanceof String text ? text : json.writeValueAsString(state);
	}

}
