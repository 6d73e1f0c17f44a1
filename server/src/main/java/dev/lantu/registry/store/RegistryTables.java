package dev.lantu.registry.store;

import java.util.List;

/**
 * How one run of writes reaches the registry's tables, chosen by the database: {@link BatchedTables}
 * anywhere (JDBC batches), {@link CopyTables} on PostgreSQL (COPY). Both write the same rows; only the
 * way differs. A run lives inside the caller's transaction.
 */
interface RegistryTables {

	/** Appends rows (values in the table's column order); they may reach the table only at the next {@link #flush()}. */
	void insert(RegistryTable table, List<Object[]> rows);

	/** Runs an update for each row of parameters, after every row inserted so far; the counts of rows each changed. */
	int[] update(String sql, List<Object[]> rows);

	/** Writes what is pending, so that a read or the commit sees it. */
	void flush();

	/** Ends the run: writes what is pending and leaves the tables ready for what reads them next. */
	void finish();

}
