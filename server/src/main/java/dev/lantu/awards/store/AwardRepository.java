package dev.lantu.awards.store;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.lantu.awards.Award;
import dev.lantu.awards.AwardEvent;
import dev.lantu.awards.AwardFilter;
import dev.lantu.awards.AwardState;
import dev.lantu.engine.policy.Delivery;

/**
 * The ledger in plain SQL that PostgreSQL and H2 both run. The {@code lock…} methods take row locks
 * ({@code select … for update}) that last until the calling transaction ends; the ledger takes them in
 * one order (award, enterprise-year, policy), so two approvals never wait for each other in a circle.
 */
@Repository
public class AwardRepository {

	private static final String COLUMNS = """
			id, uscc, enterprise_name, district_code, policy_id, policy_version, clause_id, clause_title, issuer, subject,
			award_year, rule_date, delivery, state, entitlement, amount, basis, profile, version, created_by, created_at,
			updated_by, updated_at, project_id""";

	private final JdbcClient jdbc;

	AwardRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What a new award is made of; its state, version and amount come from the ledger. */
	public record NewAward(String uscc, String enterpriseName, String districtCode, String policyId, int policyVersion,
			String clauseId, String clauseTitle, String issuer, String subject, int awardYear, java.time.LocalDate ruleDate,
			Delivery delivery, long entitlementFen, Award.Basis basis, String profile, Long projectId) {
	}

	public long insert(NewAward award, AwardState state, String actor, OffsetDateTime now) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into award (uscc, enterprise_name, district_code, policy_id, policy_version, clause_id, clause_title,
				    issuer, subject, award_year, rule_date, delivery, state, entitlement, amount, basis, profile, version,
				    created_by, created_at, updated_by, updated_at, project_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, 1, ?, ?, ?, ?, ?)""")
			.params(award.uscc(), award.enterpriseName(), award.districtCode(), award.policyId(), award.policyVersion(),
					award.clauseId(), award.clauseTitle(), award.issuer(), award.subject(), award.awardYear(),
					Date.valueOf(award.ruleDate()), award.delivery().name(), state.name(), award.entitlementFen(),
					award.basis().name(), award.profile(), actor, now, actor, now, award.projectId())
			.update(key, "id");
		return key.getKey().longValue();
	}

	public long insertEvent(long awardId, int awardVersion, AwardState from, AwardState to, Long amountFen, String reason,
			String actor, OffsetDateTime now) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into award_event (award_id, award_version, from_state, to_state, amount, reason, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(awardId, awardVersion, from == null ? null : from.name(), to.name(), amountFen, reason, actor, now)
			.update(key, "id");
		return key.getKey().longValue();
	}

	/** Moves the award to a state; the caller holds its lock and has checked the move. */
	public void update(long id, AwardState state, Long amountFen, int version, String actor, OffsetDateTime now) {
		jdbc.sql("update award set state = ?, amount = ?, version = ?, updated_by = ?, updated_at = ? where id = ?")
			.params(state.name(), amountFen, version, actor, now, id)
			.update();
	}

	public Optional<Award> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from award where id = ?").param(id).query(AwardRepository::award).optional();
	}

	/** The award, locked until the transaction ends: every change of one award waits for the one before. */
	public Optional<Award> lock(long id) {
		return jdbc.sql("select " + COLUMNS + " from award where id = ? for update").param(id)
			.query(AwardRepository::award).optional();
	}

	public List<AwardEvent> events(long awardId) {
		return jdbc.sql("select * from award_event where award_id = ? order by award_version").param(awardId)
			.query(AwardRepository::event).list();
	}

	public Optional<AwardEvent> event(long id) {
		return jdbc.sql("select * from award_event where id = ?").param(id).query(AwardRepository::event).optional();
	}

	public boolean enterpriseYearExists(String uscc, int year) {
		return jdbc.sql("select count(*) from award_enterprise_year where uscc = ? and award_year = ?").params(uscc, year)
			.query(Long.class).single() > 0;
	}

	/** Creates the enterprise-year row; a concurrent creation makes this fail with a duplicate key. */
	public void insertEnterpriseYear(String uscc, int year) {
		jdbc.sql("insert into award_enterprise_year (uscc, award_year, live_amount) values (?, ?, 0)").params(uscc, year)
			.update();
	}

	public boolean policyLedgerExists(String policyId) {
		return jdbc.sql("select count(*) from award_policy_ledger where policy_id = ?").param(policyId).query(Long.class)
			.single() > 0;
	}

	/** Creates the policy's ledger row; a concurrent creation makes this fail with a duplicate key. */
	public void insertPolicyLedger(String policyId) {
		jdbc.sql("insert into award_policy_ledger (policy_id, live_amount) values (?, 0)").param(policyId).update();
	}

	/** Locks the enterprise's row for the year and returns its live amount. */
	public long lockEnterpriseYear(String uscc, int year) {
		return jdbc.sql("select live_amount from award_enterprise_year where uscc = ? and award_year = ? for update")
			.params(uscc, year).query(Long.class).single();
	}

	/** Locks the policy's ledger row and returns its live amount: what its budget is checked against. */
	public long lockPolicyLedger(String policyId) {
		return jdbc.sql("select live_amount from award_policy_ledger where policy_id = ? for update").param(policyId)
			.query(Long.class).single();
	}

	public void addToLedgers(String uscc, int year, String policyId, long deltaFen) {
		jdbc.sql("update award_enterprise_year set live_amount = live_amount + ? where uscc = ? and award_year = ?")
			.params(deltaFen, uscc, year).update();
		jdbc.sql("update award_policy_ledger set live_amount = live_amount + ? where policy_id = ?")
			.params(deltaFen, policyId).update();
	}

	/**
	 * What the live awards of one enterprise and year add up to, on the clause, the subject, the policy and
	 * the issuer of an award. Read under the enterprise-year lock, so no approval changes them meanwhile.
	 */
	public record LiveSums(long clauseFen, long subjectFen, long policyFen, long issuerFen) {
	}

	public LiveSums liveSums(Award award) {
		// a clause that pays per project counts what the award's project has had; every other sum is the enterprise's
		String clause = award.projectId() == null ? "policy_id = ? and clause_id = ?"
				: "policy_id = ? and clause_id = ? and project_id = " + award.projectId();
		return jdbc.sql("select coalesce(sum(case when " + clause + " then amount end), 0)," + """
				       coalesce(sum(case when subject = ? and subject <> '' then amount end), 0),
				       coalesce(sum(case when policy_id = ? then amount end), 0),
				       coalesce(sum(case when issuer = ? then amount end), 0)
				from award where uscc = ? and award_year = ? and state in ('APPROVED', 'DISBURSED')""")
			.params(award.policyId(), award.clauseId(), award.subject(), award.policyId(), award.issuer(), award.uscc(),
					award.awardYear())
			.query((rs, n) -> new LiveSums(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.single();
	}

	/** The enterprise (investor USCC) of a project, read here so that an application can name it without the
	 * applicant having to see the pipeline; empty when there is no such project. */
	public java.util.Optional<String> projectInvestor(long projectId) {
		return jdbc.sql("select coalesce(investor_uscc, '') from project where id = ?").param(projectId).query(String.class).optional();
	}

	/** The live amount of a policy as its ledger row holds it; 0 before its first approval. */
	public long policyLive(String policyId) {
		return jdbc.sql("select live_amount from award_policy_ledger where policy_id = ?").param(policyId)
			.query(Long.class).optional().orElse(0L);
	}

	/** A request made with an idempotency key, and what it produced. */
	public record StoredRequest(String key, String operation, String fingerprint, long awardId, long eventId) {
	}

	public Optional<StoredRequest> request(String key) {
		return jdbc.sql("select * from award_request where idempotency_key = ?").param(key)
			.query((rs, n) -> new StoredRequest(rs.getString("idempotency_key"), rs.getString("operation"),
					rs.getString("fingerprint"), rs.getLong("award_id"), rs.getLong("event_id")))
			.optional();
	}

	/** Records a key in the change's transaction; a concurrent use of the key makes this fail with a duplicate key. */
	public void insertRequest(String key, String operation, String fingerprint, long awardId, long eventId,
			OffsetDateTime now) {
		jdbc.sql("""
				insert into award_request (idempotency_key, operation, fingerprint, award_id, event_id, recorded_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(key, operation, fingerprint, awardId, eventId, now).update();
	}

	/**
	 * Which awards a caller sees, as a condition of the lists' SQL: all, none, or those of one issuer, one
	 * district or one enterprise.
	 */
	public static final class Visibility {

		private final String column;

		private final String value;

		/** Private: the column is one of these constants, never a caller's text. */
		private Visibility(String column, String value) {
			this.column = column;
			this.value = value;
		}

		public static final Visibility ALL = new Visibility(null, null);

		public static final Visibility NONE = new Visibility("1 = 0", null);

		public static Visibility issuer(String issuer) {
			return new Visibility("issuer", issuer);
		}

		public static Visibility district(String district) {
			return new Visibility("district_code", district);
		}

		public static Visibility uscc(String uscc) {
			return new Visibility("uscc", uscc);
		}

	}

	public List<Award> search(AwardFilter filter, Visibility visible, int limit, int offset) {
		List<Object> params = new ArrayList<>();
		String where = where(filter, visible, params);
		params.add(limit);
		params.add(offset);
		return jdbc.sql("select " + COLUMNS + " from award" + where + " order by id desc limit ? offset ?")
			.params(params).query(AwardRepository::award).list();
	}

	public long count(AwardFilter filter, Visibility visible) {
		List<Object> params = new ArrayList<>();
		return jdbc.sql("select count(*) from award" + where(filter, visible, params)).params(params).query(Long.class).single();
	}

	/** Per policy: awards, pending, live, disbursed and clawed-back amounts of the awards the filter lists. */
	public record PolicySums(String policyId, long awards, long pending, long liveFen, long disbursedFen,
			long clawedBackFen) {
	}

	public List<PolicySums> sumsByPolicy(AwardFilter filter, Visibility visible) {
		List<Object> params = new ArrayList<>();
		return jdbc.sql("""
				select policy_id, count(*),
				       sum(case when state in ('APPLIED', 'UNDER_REVIEW') then 1 else 0 end),
				       coalesce(sum(case when state in ('APPROVED', 'DISBURSED') then amount end), 0),
				       coalesce(sum(case when state = 'DISBURSED' then amount end), 0),
				       coalesce(sum(case when state = 'CLAWED_BACK' then amount end), 0)
				from award""" + where(filter, visible, params) + " group by policy_id order by policy_id")
			.params(params)
			.query((rs, n) -> new PolicySums(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6)))
			.list();
	}

	private static String where(AwardFilter filter, Visibility visible, List<Object> params) {
		List<String> conditions = new ArrayList<>();
		if (visible.value == null && visible.column != null) {
			conditions.add(visible.column);
		}
		else if (visible.column != null) {
			conditions.add(visible.column + " = ?");
			params.add(visible.value);
		}
		if (filter.policyId() != null) {
			conditions.add("policy_id = ?");
			params.add(filter.policyId());
		}
		if (filter.district() != null) {
			conditions.add("district_code = ?");
			params.add(filter.district());
		}
		if (filter.state() != null) {
			conditions.add("state = ?");
			params.add(filter.state().name());
		}
		if (filter.uscc() != null) {
			conditions.add("uscc = ?");
			params.add(filter.uscc());
		}
		if (filter.year() != null) {
			conditions.add("award_year = ?");
			params.add(filter.year());
		}
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	private static Award award(ResultSet rs, int row) throws SQLException {
		long amount = rs.getLong("amount");
		Long amountFen = rs.wasNull() ? null : amount;
		return new Award(rs.getLong("id"), rs.getString("uscc"), rs.getString("enterprise_name"),
				rs.getString("district_code"), rs.getString("policy_id"), rs.getInt("policy_version"),
				rs.getString("clause_id"), rs.getString("clause_title"), rs.getString("issuer"), rs.getString("subject"),
				rs.getInt("award_year"), rs.getDate("rule_date").toLocalDate(), Delivery.valueOf(rs.getString("delivery")),
				AwardState.valueOf(rs.getString("state")), rs.getLong("entitlement"), amountFen,
				Award.Basis.valueOf(rs.getString("basis")), rs.getString("profile"), rs.getInt("version"),
				rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class), rs.getString("updated_by"),
				rs.getObject("updated_at", OffsetDateTime.class), rs.getObject("project_id", Long.class));
	}

	private static AwardEvent event(ResultSet rs, int row) throws SQLException {
		long amount = rs.getLong("amount");
		Long amountFen = rs.wasNull() ? null : amount;
		String from = rs.getString("from_state");
		return new AwardEvent(rs.getLong("id"), rs.getLong("award_id"), rs.getInt("award_version"),
				from == null ? null : AwardState.valueOf(from), AwardState.valueOf(rs.getString("to_state")), amountFen,
				rs.getString("reason"), rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class));
	}

}
