package dev.lantu.accounts.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.lantu.accounts.Account;
import dev.lantu.accounts.Role;

/** The account table. */
@Repository
public class AccountStore {

	/** An account with its password hash, for signing in only. */
	public record Credentials(Account account, String passwordHash) {
	}

	private static final String COLUMNS = "id, username, display_name, role, district_code, issuer, uscc, disabled, "
			+ "failed_logins, locked_until, created_by, created_at";

	private final JdbcClient jdbc;

	public AccountStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(String username, String displayName, String passwordHash, Role role, String district,
			String issuer, String uscc, String createdBy, OffsetDateTime now) {
		jdbc.sql("""
				insert into account (username, display_name, password_hash, role, district_code, issuer, uscc,
				                     created_by, created_at, password_changed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(username, displayName, passwordHash, role.name(), district, issuer, uscc, createdBy, now, now)
			.update();
		return jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
	}

	public Optional<Account> find(String username) {
		return jdbc.sql("select " + COLUMNS + " from account where username = ?")
			.param(username)
			.query(AccountStore::account)
			.optional();
	}

	public Optional<Account> findForUpdate(String username) {
		return jdbc.sql("select " + COLUMNS + " from account where username = ? for update")
			.param(username)
			.query(AccountStore::account)
			.optional();
	}

	public Optional<Account> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from account where id = ?").param(id).query(AccountStore::account).optional();
	}

	public Optional<Credentials> credentials(String username) {
		return jdbc.sql("select " + COLUMNS + ", password_hash from account where username = ?")
			.param(username)
			.query((rs, row) -> new Credentials(account(rs, row), rs.getString("password_hash")))
			.optional();
	}

	public List<Account> all() {
		return jdbc.sql("select " + COLUMNS + " from account order by role, username").query(AccountStore::account).list();
	}

	public boolean anyAdministrator() {
		return jdbc.sql("select count(*) from account where role = 'CITY_ADMIN' and not disabled")
			.query(Long.class)
			.single() > 0;
	}

	/** Counts a failed sign-in; from {@code limit} failures in a row the account is locked until {@code until}. */
	public int recordFailure(long id, int limit, OffsetDateTime until) {
		jdbc.sql("update account set failed_logins = failed_logins + 1 where id = ?").param(id).update();
		int failures = jdbc.sql("select failed_logins from account where id = ?").param(id).query(Integer.class).single();
		if (failures >= limit) {
			jdbc.sql("update account set locked_until = ?, failed_logins = 0 where id = ?").params(until, id).update();
		}
		return failures;
	}

	public void recordSuccess(long id) {
		jdbc.sql("update account set failed_logins = 0, locked_until = null where id = ? and (failed_logins <> 0 or locked_until is not null)")
			.param(id)
			.update();
	}

	public void setDisabled(long id, boolean disabled) {
		jdbc.sql("update account set disabled = ? where id = ?").params(disabled, id).update();
	}

	public void unlock(long id) {
		jdbc.sql("update account set failed_logins = 0, locked_until = null where id = ?").param(id).update();
	}

	public void setPassword(long id, String hash, OffsetDateTime now) {
		jdbc.sql("update account set password_hash = ?, password_changed_at = ? where id = ?").params(hash, now, id).update();
	}

	private static Account account(ResultSet rs, int row) throws SQLException {
		return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				Role.valueOf(rs.getString("role")), rs.getString("district_code"), rs.getString("issuer"),
				rs.getString("uscc"), rs.getBoolean("disabled"), rs.getInt("failed_logins"),
				rs.getObject("locked_until", OffsetDateTime.class), rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class));
	}

}
