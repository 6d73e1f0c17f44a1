package dev.lantu.registry;

import dev.lantu.tables.TableStream;

/** The stream reader's limits, named for the tests that cross them. */
final class TableStreamLimits {

	static final int COLUMNS = TableStream.MAX_COLUMNS;

	static final int RECORD = TableStream.MAX_RECORD;

	private TableStreamLimits() {
	}

}
