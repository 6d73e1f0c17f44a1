package dev.lantu.accounts.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.lantu.accounts.ApiToken;
import dev.lantu.accounts.TokenScope;

/** The api_token table: hashes of secrets, never the secrets. */
@Repository
public class TokenStore {

	private final JdbcClient jdbc;

	public TokenStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long accountId, String name, String hash, String prefix, TokenScope scope, OffsetDateTime now,
			OffsetDateTime expires) {
		jdbc.sql("""
				insert into api_token (account_id, name, token_hash, prefix, scope, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(accountId, name, hash, prefix, scope.name(), now, expires)
			.update();
		return jdbc.sql("select id from api_token where token_hash = ?").param(hash).query(Long.class).single();
	}

	/** The token with this hash and the username of its account. */
	public Optional<ApiToken> byHash(String hash) {
		return jdbc.sql(SELECT + " where t.token_hash = ?").param(hash).query(TokenStore::token).optional();
	}

	public Optional<ApiToken> byId(long id) {
		return jdbc.sql(SELECT + " where t.id = ?").param(id).query(TokenStore::token).optional();
	}

	public List<ApiToken> ofAccount(long accountId) {
		return jdbc.sql(SELECT + " where t.account_id = ? order by t.id desc").param(accountId).query(TokenStore::token).list();
	}

	public void revoke(long id, OffsetDateTime now) {
		jdbc.sql("update api_token set revoked_at = ? where id = ? and revoked_at is null").params(now, id).update();
	}

	public void revokeAll(long accountId, OffsetDateTime now) {
		jdbc.sql("update api_token set revoked_at = ? where account_id = ? and revoked_at is null").params(now, accountId).update();
	}

	/** Marks use at most once a minute: a busy machine should not write a row per request. */
	public void touch(long id, OffsetDateTime now) {
		jdbc.sql("update api_token set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
			.params(now, id, now.minusMinutes(1))
			.update();
	}

	private static final String SELECT = """
			select t.id, t.account_id, a.username, t.name, t.prefix, t.scope, t.created_at, t.expires_at, t.revoked_at,
			       t.last_used_at
			from api_token t join account a on a.id = t.account_id""";

	private static ApiToken token(ResultSet rs, int row) throws SQLException {
		return new ApiToken(rs.getLong("id"), rs.getLong("account_id"), rs.getString("username"), rs.getString("name"),
				rs.getString("prefix"), TokenScope.valueOf(rs.getString("scope")),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("expires_at", OffsetDateTime.class),
				rs.getObject("revoked_at", OffsetDateTime.class), rs.getObject("last_used_at", OffsetDateTime.class));
	}

}
