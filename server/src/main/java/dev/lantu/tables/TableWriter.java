package dev.lantu.tables;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes rows of text as CSV (UTF-8 with BOM, which Excel opens correctly) or XLSX, streamed: a sheet
 * of millions of rows holds only a window of them in memory.
 */
public final class TableWriter {

	private TableWriter() {
	}

	/** A sheet being written: rows in order, then close, which finishes the file (but leaves the stream open). */
	public interface Sheet extends AutoCloseable {

		void row(List<String> cells);

		@Override
		void close();

	}

	public static byte[] write(TableFormat format, List<String> header, List<List<String>> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (Sheet sheet = open(format, out, header)) {
			rows.forEach(sheet::row);
		}
		return out.toByteArray();
	}

	/** Starts a sheet with its header on {@code out}. */
	public static Sheet open(TableFormat format, OutputStream out, List<String> header) {
		Sheet sheet = switch (format) {
			case CSV -> new CsvSheet(out);
			case XLSX -> new XlsxSheet(out);
		};
		sheet.row(header);
		return sheet;
	}

	private static final class CsvSheet implements Sheet {

		private final Writer writer;

		CsvSheet(OutputStream out) {
			this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
			write("\uFEFF");
		}

		private void write(String text) {
			try {
				writer.write(text);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		@Override
		public void row(List<String> cells) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < cells.size(); i++) {
				if (i > 0) {
					line.append(',');
				}
				String cell = cells.get(i) == null ? "" : cells.get(i);
				// a leading = + - @ would make Excel run the cell as a formula
				if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?\\d+(\\.\\d+)?")) {
					cell = "'" + cell;
				}
				if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
					cell = "\"" + cell.replace("\"", "\"\"") + "\"";
				}
				line.append(cell);
			}
			write(line.append("\r\n").toString());
		}

		@Override
		public void close() {
			try {
				writer.flush();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

	}

	private static final class XlsxSheet implements Sheet {

		private final OutputStream out;

		private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);

		private final SXSSFSheet sheet = workbook.createSheet("data");

		private int next;

		XlsxSheet(OutputStream out) {
			this.out = out;
		}

		@Override
		public void row(List<String> cells) {
			Row row = sheet.createRow(next++);
			for (int c = 0; c < cells.size(); c++) {
				row.createCell(c).setCellValue(cells.get(c) == null ? "" : cells.get(c));
			}
		}

		@Override
		public void close() {
			try {
				workbook.write(out);
				workbook.close();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			finally {
				workbook.dispose();
			}
		}

	}

}
