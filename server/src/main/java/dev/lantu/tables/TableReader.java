package dev.lantu.tables;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import dev.lantu.dataset.CsvTable;
import dev.lantu.dataset.Problems;

/** Reads a CSV or XLSX file into a {@link Table}; a file it cannot read gets a {@link TableException}. */
public final class TableReader {

	private static final Charset GB18030 = Charset.forName("GB18030");

	private TableReader() {
	}

	public static Table read(byte[] content, TableFormat format, String fileName) {
		return switch (format) {
			case CSV -> csv(content, fileName);
			case XLSX -> xlsx(content, fileName);
		};
	}

	/** The text of a CSV file: UTF-8 with or without BOM, else GB18030 (a superset of GBK). */
	static String decode(byte[] content) {
		if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF) {
			return new String(content, 3, content.length - 3, StandardCharsets.UTF_8);
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException notUtf8) {
			return new String(content, GB18030);
		}
	}

	private static Table csv(byte[] content, String fileName) {
		Problems problems = new Problems();
		var parsed = CsvTable.parse(fileName, decode(content), List.of(), problems);
		if (parsed.isEmpty() || problems.hasInconsistencies()) {
			throw new TableException(fileName + ": " + String.join("; ",
					problems.all().stream().map(p -> p.message()).toList()));
		}
		List<Table.Row> rows = parsed.get().rows().stream()
			.map(r -> new Table.Row(r.line(), r.cells()))
			.toList();
		return new Table(parsed.get().header(), rows);
	}

	private static Table xlsx(byte[] content, String fileName) {
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			if (workbook.getNumberOfSheets() == 0) {
				throw new TableException(fileName + ": the workbook has no sheet");
			}
			Sheet sheet = workbook.getSheetAt(0);
			if (sheet.getRow(sheet.getFirstRowNum()) == null) {
				throw new TableException(fileName + ": the first sheet is empty; expected a header row");
			}
			var headerRow = sheet.getRow(sheet.getFirstRowNum());
			List<String> header = new ArrayList<>();
			for (int c = 0; c < headerRow.getLastCellNum(); c++) {
				header.add(text(headerRow.getCell(c)).strip());
			}
			List<Table.Row> rows = new ArrayList<>();
			for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
				var row = sheet.getRow(r);
				if (row == null) {
					continue;
				}
				Map<String, String> cells = new LinkedHashMap<>();
				boolean empty = true;
				for (int c = 0; c < header.size(); c++) {
					String value = text(row.getCell(c));
					empty &= value.isBlank();
					cells.put(header.get(c), value);
				}
				if (!empty) {
					rows.add(new Table.Row(r + 1, cells));
				}
			}
			return new Table(header, rows);
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof TableException table) {
				throw table;
			}
			throw new TableException(fileName + ": not a readable XLSX workbook (" + e.getMessage() + ")");
		}
	}

	/** A cell as the user typed it: dates as YYYY-MM-DD, numbers without float noise. */
	private static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		return switch (type) {
			case STRING -> cell.getStringCellValue();
			case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
			case NUMERIC -> DateUtil.isCellDateFormatted(cell)
					? cell.getDateCellValue().toInstant().atZone(ZoneId.systemDefault()).toLocalDate().toString()
					// Excel holds doubles; the shortest decimal that round-trips is what the user typed
					: new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
			default -> "";
		};
	}

}
