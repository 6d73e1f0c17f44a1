package dev.lantu.tables;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Writes rows of text as CSV (UTF-8 with BOM, which Excel opens correctly) or XLSX (streamed). */
public final class TableWriter {

	private TableWriter() {
	}

	public static byte[] write(TableFormat format, List<String> header, List<List<String>> rows) {
		return switch (format) {
			case CSV -> csv(header, rows);
			case XLSX -> xlsx(header, rows);
		};
	}

	private static byte[] csv(List<String> header, List<List<String>> rows) {
		StringBuilder out = new StringBuilder("\uFEFF");
		line(out, header);
		rows.forEach(row -> line(out, row));
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void line(StringBuilder out, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			String cell = cells.get(i) == null ? "" : cells.get(i);
			// a leading = + - @ would make Excel run the cell as a formula
			if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?\\d+(\\.\\d+)?")) {
				cell = "'" + cell;
			}
			if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
				cell = "\"" + cell.replace("\"", "\"\"") + "\"";
			}
			out.append(cell);
		}
		out.append("\r\n");
	}

	private static byte[] xlsx(List<String> header, List<List<String>> rows) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("data");
			write(sheet.createRow(0), header);
			for (int r = 0; r < rows.size(); r++) {
				write(sheet.createRow(r + 1), rows.get(r));
			}
			workbook.write(out);
			workbook.dispose();
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void write(Row row, List<String> cells) {
		for (int c = 0; c < cells.size(); c++) {
			row.createCell(c).setCellValue(cells.get(c) == null ? "" : cells.get(c));
		}
	}

}
