package dev.lantu.tables;

import java.util.List;
import java.util.Map;

/**
 * A sheet as text: its header and its rows. Row numbers are the spreadsheet's own (the header is row 1),
 * so a problem can point at what the user sees.
 */
public record Table(List<String> header, List<Row> rows) {

	public record Row(int number, Map<String, String> cells) {

		/** The cell of a column, stripped; null when empty or absent. */
		public String get(String column) {
			String value = cells.get(column);
			return value == null || value.isBlank() ? null : value.strip();
		}

	}

}
