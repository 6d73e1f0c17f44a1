package dev.lantu.accounts.store;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** H2's side of the append-only audit log (PostgreSQL's is a PL/pgSQL trigger): any UPDATE or DELETE fails. */
public class AppendOnlyTrigger implements Trigger {

	@Override
	public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
		throw new SQLException("the audit log is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused",
				"42501");
	}

}
