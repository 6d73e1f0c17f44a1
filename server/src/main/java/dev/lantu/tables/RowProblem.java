package dev.lantu.tables;

import java.util.List;

/**
 * One thing wrong with one cell of an imported sheet (or a whole row when {@code column} is null):
 * the row as the spreadsheet numbers it, the column's header as the file wrote it, the value, and
 * why. The {@code reason} is English; {@code code} and {@code args} let a page say it in the reader's
 * language (message {@code problem.<code>}) and let API clients act on it without parsing text.
 */
public record RowProblem(int row, String column, String value, String reason, String code, List<Object> args) {

	public RowProblem {
		args = args == null ? List.of() : List.copyOf(args);
	}

	public static RowProblem of(int row, String column, String value, String code, String reason, Object... args) {
		return new RowProblem(row, column, value, reason, code, List.of(args));
	}

	/** "column: reason", as a rejects file writes it. */
	public String describe() {
		return (column == null ? "" : column + ": ") + reason;
	}

}
