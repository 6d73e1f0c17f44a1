package dev.lantu.tables;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a small CSV or XLSX file whole into a {@link Table}, through {@link TableStream} (so every import
 * reads sheets the same way); a file it cannot read, or a row of the wrong shape, gets a
 * {@link TableException}. A formula's cached value is taken as the cell's value here; imports that must
 * refuse formulas stream the file and see them as problems.
 */
public final class TableReader {

	private TableReader() {
	}

	public static Table read(byte[] content, TableFormat format, String fileName) {
		List<String> header = new ArrayList<>();
		List<Table.Row> rows = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		TableStream.read(TableSource.of(content), format, fileName, new RowHandler() {
			@Override
			public void header(List<String> h) {
				header.addAll(h);
			}

			@Override
			public void row(Table.Row row, List<RowProblem> found) {
				found.stream()
					.filter(p -> !"table.formula".equals(p.code()))
					.forEach(p -> problems.add("row " + p.row() + (p.column() == null ? "" : ", " + p.column()) + ": " + p.reason()));
				rows.add(row);
			}
		});
		if (!problems.isEmpty()) {
			throw new TableException(fileName + ": " + String.join("; ", problems));
		}
		return new Table(List.copyOf(header), List.copyOf(rows));
	}

}
