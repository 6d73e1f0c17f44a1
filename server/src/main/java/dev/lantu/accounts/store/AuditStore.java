package dev.lantu.accounts.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.lantu.accounts.AuditEntry;
import dev.lantu.accounts.AuditFilter;

/** The audit_entry table: insert and read, nothing else (the database refuses the rest). */
@Repository
public class AuditStore {

	private final JdbcClient jdbc;

	public AuditStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(OffsetDateTime at, String actor, String actorRole, String remoteAddress, String action,
			String entityType, String entityId, String district, String before, String after) {
		jdbc.sql("""
				insert into audit_entry (recorded_at, actor, actor_role, remote_address, action, entity_type, entity_id,
				                         district_code, before_state, after_state)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(at, actor, actorRole, remoteAddress, action, entityType, entityId, district, before, after)
			.update();
	}

	public List<AuditEntry> search(AuditFilter filter, int page, int size) {
		Where where = where(filter);
		return jdbc.sql("select * from audit_entry" + where.sql + " order by id desc limit ? offset ?")
			.params(where.params)
			.param((long) size)
			.param((long) page * size)
			.query(AuditStore::entry)
			.list();
	}

	public long count(AuditFilter filter) {
		Where where = where(filter);
		return jdbc.sql("select count(*) from audit_entry" + where.sql).params(where.params).query(Long.class).single();
	}

	public void each(AuditFilter filter, Consumer<AuditEntry> sink) {
		Where where = where(filter);
		try (var entries = jdbc.sql("select * from audit_entry" + where.sql + " order by id")
			.params(where.params)
			.query(AuditStore::entry)
			.stream()) {
			entries.forEach(sink);
		}
	}

	private record Where(String sql, List<Object> params) {
	}

	private static Where where(AuditFilter filter) {
		List<String> terms = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		equal(terms, params, "actor", filter.actor());
		equal(terms, params, "action", filter.action());
		equal(terms, params, "entity_type", filter.entityType());
		equal(terms, params, "entity_id", filter.entityId());
		equal(terms, params, "district_code", filter.district());
		if (filter.from() != null) {
			terms.add("recorded_at >= ?");
			params.add(filter.from());
		}
		if (filter.to() != null) {
			terms.add("recorded_at < ?");
			params.add(filter.to());
		}
		return new Where(terms.isEmpty() ? "" : " where " + String.join(" and ", terms), params);
	}

	private static void equal(List<String> terms, List<Object> params, String column, String value) {
		if (value != null && !value.isBlank()) {
			terms.add(column + " = ?");
			params.add(value.strip());
		}
	}

	private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getObject("recorded_at", OffsetDateTime.class), rs.getString("actor"),
				rs.getString("actor_role"), rs.getString("remote_address"), rs.getString("action"),
				rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("district_code"),
				rs.getString("before_state"), rs.getString("after_state"));
	}

}
