package dev.lantu.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small RFC 4180 CSV table with a header row: quoted fields may hold commas, quotes ("") and line
 * breaks. Each row knows its line, so problems point at file, line and column name.
 */
public final class CsvTable {

	public record Row(int line, Map<String, String> cells, String file) {

		public String get(String column) {
			String value = cells.get(column);
			return value == null || value.isBlank() ? null : value.strip();
		}

		public Position position(String column) {
			return new Position(file, line, 0, column);
		}

	}

	private final List<String> header;

	private final List<Row> rows;

	private CsvTable(List<String> header, List<Row> rows) {
		this.header = header;
		this.rows = rows;
	}

	public List<String> header() {
		return header;
	}

	public List<Row> rows() {
		return rows;
	}

	/** Parses the text; an unclosed quote or a row of the wrong width is a problem, and that row is skipped. */
	public static Optional<CsvTable> parse(String file, String text, List<String> requiredColumns, Problems problems) {
		List<List<String>> records = new ArrayList<>();
		List<Integer> lines = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		int line = 1;
		int recordLine = 1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					if (c == '\n') {
						line++;
					}
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				record.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				record.add(field.toString());
				field.setLength(0);
				if (!(record.size() == 1 && record.get(0).isEmpty())) {
					records.add(record);
					lines.add(recordLine);
				}
				record = new ArrayList<>();
				line++;
				recordLine = line;
			}
			else {
				field.append(c);
			}
		}
		if (quoted) {
			problems.inconsistent(new Position(file, recordLine, 0, ""), "a closing quote", "the end of the file");
			return Optional.empty();
		}
		if (field.length() > 0 || !record.isEmpty()) {
			record.add(field.toString());
			records.add(record);
			lines.add(recordLine);
		}
		if (records.isEmpty()) {
			problems.inconsistent(Position.of(file), "a header row", "an empty file");
			return Optional.empty();
		}
		List<String> header = records.get(0).stream().map(String::strip).toList();
		boolean complete = true;
		for (String column : requiredColumns) {
			if (!header.contains(column)) {
				problems.inconsistent(new Position(file, 1, 0, ""), "a column '" + column + "'",
						"columns " + String.join(", ", header));
				complete = false;
			}
		}
		if (!complete) {
			return Optional.empty();
		}
		List<Row> rows = new ArrayList<>();
		for (int r = 1; r < records.size(); r++) {
			List<String> values = records.get(r);
			if (values.size() != header.size()) {
				problems.inconsistent(new Position(file, lines.get(r), 0, ""), header.size() + " fields",
						values.size() + " fields");
				continue;
			}
			Map<String, String> cells = new LinkedHashMap<>();
			for (int c = 0; c < header.size(); c++) {
				cells.put(header.get(c), values.get(c));
			}
			rows.add(new Row(lines.get(r), cells, file));
		}
		return Optional.of(new CsvTable(header, rows));
	}

}
