package dev.lantu.tables;

import java.util.List;

/** Receives a sheet as {@link TableStream} reads it: the header once, then each row in order. */
public interface RowHandler {

	void header(List<String> header);

	/**
	 * One non-empty row. {@code problems} are what the reader itself found in it (a formula, more
	 * cells than the header, a cell too long); the row's cells are still given.
	 */
	void row(Table.Row row, List<RowProblem> problems);

	/**
	 * Called as the reader goes: the bytes read so far of the file (CSV) or of the sheet inside the
	 * workbook (XLSX), and their total (-1 when unknown).
	 */
	default void progress(long bytesRead, long totalBytes) {
	}

}
