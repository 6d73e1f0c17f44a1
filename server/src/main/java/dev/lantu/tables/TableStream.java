package dev.lantu.tables;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a CSV or XLSX sheet row by row in bounded memory, whatever its length: CSV in UTF-8 (with or
 * without BOM) or, when it is not valid UTF-8, GB18030 (a superset of GBK, what Chinese Excel writes);
 * XLSX through POI's streaming (SAX) reader, first sheet only. A file it cannot read as a sheet at all
 * gets a {@link TableException} naming why; a row it can read but finds fault with comes with
 * {@link RowProblem}s. Rows are numbered as the user sees them: the CSV line where a record starts, the
 * spreadsheet's row number.
 */
public final class TableStream {

	/** More columns than any sheet of ours has; a wider header is not one of them. */
	public static final int MAX_COLUMNS = 500;

	/** Excel's own limit for the text of a cell. */
	public static final int MAX_CELL = 32_767;

	/** A CSV record longer than this is not a row of a sheet (usually a quote never closed). */
	public static final int MAX_RECORD = 1 << 20;

	private static final Charset GB18030 = Charset.forName("GB18030");

	private TableStream() {
	}

	/** What was read: the encoding of a CSV (null for XLSX) and how many non-empty rows under the header. */
	public record Summary(String encoding, int rows) {
	}

	public static Summary read(TableSource source, TableFormat format, String fileName, RowHandler handler) {
		try {
			return switch (format) {
				case CSV -> csv(source, fileName, handler);
				case XLSX -> xlsx(source, fileName, handler);
			};
		}
		catch (IOException e) {
			throw new TableException(fileName + ": cannot be read (" + e.getMessage() + ")");
		}
	}

	// ---------------------------------------------------------------- CSV

	private static Summary csv(TableSource source, String fileName, RowHandler handler) throws IOException {
		Charset charset = detectCharset(source, fileName);
		long total = source.size();
		try (CountingStream counting = new CountingStream(new BufferedInputStream(source.open(), 1 << 16));
				Reader reader = new InputStreamReader(counting, decoder(charset))) {
			if (charset.equals(StandardCharsets.UTF_8)) {
				skipBom(counting);
			}
			CsvRecords records = new CsvRecords(reader, fileName);
			List<String> header = null;
			int rows = 0;
			List<String> record;
			while ((record = records.next()) != null) {
				if (record.size() == 1 && record.get(0).isBlank()) {
					continue;
				}
				if (header == null) {
					header = header(record, fileName);
					handler.header(header);
					continue;
				}
				List<RowProblem> problems = new ArrayList<>();
				int line = records.recordLine();
				Map<String, String> cells = cells(header, record, line, problems);
				if (cells != null) {
					rows++;
					handler.row(new Table.Row(line, cells), problems);
				}
				if (rows % 1000 == 0) {
					handler.progress(counting.count(), total);
				}
			}
			if (header == null) {
				throw new TableException(fileName + ": the file is empty; expected a header row (see the template)");
			}
			handler.progress(total, total);
			return new Summary(charset.name(), rows);
		}
	}

	/** The cells of a row by header; null for a row whose cells are all empty. */
	private static Map<String, String> cells(List<String> header, List<String> record, int row, List<RowProblem> problems) {
		Map<String, String> cells = new LinkedHashMap<>();
		boolean empty = true;
		for (int c = 0; c < record.size(); c++) {
			String value = record.get(c);
			if (value.length() > MAX_CELL) {
				problems.add(RowProblem.of(row, c < header.size() ? header.get(c) : null, value.substring(0, 40) + "…",
						"table.cellTooLong", "a cell of " + value.length() + " characters; a cell holds at most " + MAX_CELL,
						value.length(), MAX_CELL));
				value = value.substring(0, 200);
			}
			empty &= value.isBlank();
			if (c < header.size()) {
				cells.put(header.get(c), value);
			}
			else if (!value.isBlank()) {
				problems.add(RowProblem.of(row, null, null, "table.tooManyCells", "the row has " + record.size()
						+ " cells but the header only " + header.size() + " columns (a comma inside an unquoted value?)",
						record.size(), header.size()));
				break;
			}
		}
		if (empty) {
			return null;
		}
		if (record.size() < header.size()) {
			problems.add(RowProblem.of(row, null, null, "table.tooFewCells", "the row has " + record.size()
					+ " cells but the header " + header.size() + " columns (a line broken or cut short?)",
					record.size(), header.size()));
		}
		for (int c = record.size(); c < header.size(); c++) {
			cells.put(header.get(c), "");
		}
		return cells;
	}

	private static List<String> header(List<String> record, String fileName) {
		List<String> header = new ArrayList<>(record.stream().map(String::strip).toList());
		while (!header.isEmpty() && header.get(header.size() - 1).isEmpty()) {
			header.remove(header.size() - 1);
		}
		if (header.size() > MAX_COLUMNS) {
			throw new TableException(fileName + ": the header has " + header.size() + " columns; a sheet of ours has at most "
					+ MAX_COLUMNS + " (is this the right file?)");
		}
		return header;
	}

	/**
	 * UTF-8 when the whole file decodes as UTF-8 (a BOM settles it at once), else GB18030. Text that is
	 * not a CSV at all (UTF-16, a workbook, binary) is refused here with what it seems to be.
	 */
	static Charset detectCharset(TableSource source, String fileName) throws IOException {
		try (InputStream in = new BufferedInputStream(source.open(), 1 << 16)) {
			byte[] head = in.readNBytes(4);
			if (head.length == 0) {
				throw new TableException(fileName + ": the file is empty; expected a header row (see the template)");
			}
			if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
				return StandardCharsets.UTF_8;
			}
			if (head.length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
					|| (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
				throw new TableException(fileName + ": UTF-16 text (Excel's \"Unicode text\"); save the sheet as "
						+ "\"CSV UTF-8\" or as XLSX");
			}
			if (head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
				throw new TableException(fileName + ": a workbook (zip) named .csv; name it .xlsx or save it as CSV");
			}
			CharsetDecoder utf8 = decoder(StandardCharsets.UTF_8);
			ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
			CharBuffer chars = CharBuffer.allocate(1 << 16);
			bytes.put(head);
			boolean utf8Valid = true;
			while (true) {
				int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
				boolean end = read < 0;
				if (!end) {
					bytes.position(bytes.position() + read);
				}
				bytes.flip();
				for (int i = bytes.position(); i < bytes.limit(); i++) {
					if (bytes.get(i) == 0) {
						throw new TableException(fileName + ": holds NUL bytes, so it is no text file; expected a CSV "
								+ "in UTF-8 or GBK, or an .xlsx workbook");
					}
				}
				CoderResult result = utf8.decode(bytes, chars, end);
				chars.clear();
				if (result.isError()) {
					utf8Valid = false;
					break;
				}
				bytes.compact();
				if (end) {
					break;
				}
			}
			return utf8Valid ? StandardCharsets.UTF_8 : GB18030;
		}
	}

	private static CharsetDecoder decoder(Charset charset) {
		CodingErrorAction action = charset.equals(StandardCharsets.UTF_8) ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
		return charset.newDecoder().onMalformedInput(action).onUnmappableCharacter(action);
	}

	private static void skipBom(CountingStream in) throws IOException {
		in.mark(3);
		byte[] head = in.readNBytes(3);
		if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
			in.reset();
		}
	}

	/** RFC 4180 records from a reader: quoted fields may hold commas, quotes ("") and line breaks. */
	private static final class CsvRecords {

		private final Reader reader;

		private final String fileName;

		private final char[] buffer = new char[1 << 15];

		private int length;

		private int at;

		private int line = 1;

		private int recordLine;

		private boolean pendingCr;

		CsvRecords(Reader reader, String fileName) {
			this.reader = reader;
			this.fileName = fileName;
		}

		int recordLine() {
			return recordLine;
		}

		private int read() throws IOException {
			if (at == length) {
				length = reader.read(buffer);
				at = 0;
				if (length <= 0) {
					length = 0;
					return -1;
				}
			}
			return buffer[at++];
		}

		/** The next record, or null at the end of the file. */
		List<String> next() throws IOException {
			List<String> record = new ArrayList<>();
			StringBuilder field = new StringBuilder();
			boolean quoted = false;
			boolean any = false;
			int recordChars = 0;
			recordLine = line;
			while (true) {
				int c = read();
				if (c < 0) {
					if (quoted) {
						throw new TableException(fileName + ": the file ends inside a quoted value that starts on line "
								+ recordLine + "; is the file cut short (an interrupted upload)?");
					}
					if (!any) {
						return null;
					}
					record.add(field.toString());
					return record;
				}
				if (pendingCr) {
					pendingCr = false;
					if (c == '\n' && !any) {
						continue;
					}
				}
				any = true;
				if (++recordChars > MAX_RECORD) {
					throw new TableException(fileName + ": the record that starts on line " + recordLine + " is longer than "
							+ MAX_RECORD + " characters; not a row of a sheet (a quote never closed?)");
				}
				if (quoted) {
					if (c == '"') {
						int next = read();
						if (next == '"') {
							field.append('"');
							continue;
						}
						quoted = false;
						if (next < 0) {
							record.add(field.toString());
							return record;
						}
						c = next;
					}
					else {
						if (c == '\n') {
							line++;
						}
						field.append((char) c);
						continue;
					}
				}
				if (c == '"' && field.isEmpty()) {
					quoted = true;
				}
				else if (c == ',') {
					record.add(field.toString());
					field.setLength(0);
				}
				else if (c == '\n' || c == '\r') {
					line++;
					pendingCr = c == '\r';
					record.add(field.toString());
					return record;
				}
				else {
					field.append((char) c);
				}
			}
		}

	}

	/** Counts the bytes read through it, for progress. */
	private static final class CountingStream extends FilterInputStream {

		private long count;

		private long mark;

		CountingStream(InputStream in) {
			super(in);
		}

		long count() {
			return count;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count++;
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				count += n;
			}
			return n;
		}

		@Override
		public synchronized void mark(int limit) {
			super.mark(limit);
			mark = count;
		}

		@Override
		public synchronized void reset() throws IOException {
			super.reset();
			count = mark;
		}

	}

	// ---------------------------------------------------------------- XLSX

	private static Summary xlsx(TableSource source, String fileName, RowHandler handler) throws IOException {
		OPCPackage pkg;
		try {
			pkg = source.path() != null ? OPCPackage.open(source.path().toFile(), PackageAccess.READ)
					: OPCPackage.open(source.open());
		}
		catch (InvalidFormatException | IOException | RuntimeException e) {
			throw unreadable(fileName, e);
		}
		try (pkg) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
			StylesTable styles = reader.getStylesTable();
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new TableException(fileName + ": the workbook has no sheet");
			}
			try (InputStream sheet = sheets.next()) {
				long total = sheets.getSheetPart().getSize();
				CountingStream counting = new CountingStream(sheet);
				SheetHandler sheetHandler = new SheetHandler(strings, styles, handler, fileName, counting, total);
				XMLReader xml = XMLHelper.newXMLReader();
				xml.setContentHandler(sheetHandler);
				xml.parse(new InputSource(counting));
				if (!sheetHandler.headerSeen) {
					throw new TableException(fileName + ": the first sheet is empty; expected a header row (see the template)");
				}
				handler.progress(total, total);
				return new Summary(null, sheetHandler.rows);
			}
		}
		catch (TableException e) {
			throw e;
		}
		catch (StopReading e) {
			throw e.cause;
		}
		catch (OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
			if (e instanceof SAXException sax && sax.getException() instanceof TableException table) {
				throw table;
			}
			if (e instanceof UncheckedIOException || e.getClass().getName().startsWith("dev.lantu")) {
				throw (RuntimeException) e;
			}
			throw unreadable(fileName, e);
		}
	}

	private static TableException unreadable(String fileName, Exception e) {
		return new TableException(fileName + ": not a readable XLSX workbook (" + e.getMessage()
				+ "); is the file complete? An interrupted upload or an .xls saved as .xlsx cannot be read");
	}

	/** Carries an exception thrown by the row handler out of the SAX parser unchanged. */
	private static final class StopReading extends RuntimeException {

		final RuntimeException cause;

		StopReading(RuntimeException cause) {
			super(cause.getMessage(), null, false, false);
			this.cause = cause;
		}

	}

	/** The SAX handler of one worksheet: cells by column, values as the user typed them. */
	private static final class SheetHandler extends DefaultHandler {

		private final ReadOnlySharedStringsTable strings;

		private final StylesTable styles;

		private final RowHandler handler;

		private final String fileName;

		private final CountingStream counting;

		private final long total;

		private final TreeMap<Integer, String> cells = new TreeMap<>();

		private final Map<Integer, String> formulas = new TreeMap<>();

		private final List<String> mergedInHeader = new ArrayList<>();

		private final StringBuilder text = new StringBuilder();

		private List<String> header;

		private boolean headerSeen;

		private int headerRow;

		private int rows;

		private int rowNumber;

		private int column;

		private String type;

		private String style;

		private String value;

		private String formula;

		private boolean inValue;

		private boolean inFormula;

		private boolean inInline;

		SheetHandler(ReadOnlySharedStringsTable strings, StylesTable styles, RowHandler handler, String fileName,
				CountingStream counting, long total) {
			this.strings = strings;
			this.styles = styles;
			this.handler = handler;
			this.fileName = fileName;
			this.counting = counting;
			this.total = total;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			switch (localName) {
				case "row" -> {
					String r = attributes.getValue("r");
					rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
					cells.clear();
					formulas.clear();
					column = -1;
				}
				case "c" -> {
					String ref = attributes.getValue("r");
					column = ref == null ? column + 1 : new CellReference(ref).getCol();
					type = attributes.getValue("t");
					style = attributes.getValue("s");
					value = null;
					formula = null;
				}
				case "v" -> {
					inValue = true;
					text.setLength(0);
				}
				case "f" -> {
					inFormula = true;
					text.setLength(0);
				}
				case "is" -> {
					inInline = true;
					text.setLength(0);
				}
				case "mergeCell" -> {
					String ref = attributes.getValue("ref");
					if (ref != null && headerSeen && ref.contains(":")) {
						int first = new CellReference(ref.substring(0, ref.indexOf(':'))).getRow() + 1;
						if (first <= headerRow && new CellReference(ref.substring(ref.indexOf(':') + 1)).getRow() + 1 >= headerRow) {
							mergedInHeader.add(ref);
						}
					}
				}
				default -> {
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if (inValue || inFormula || inInline) {
				text.append(ch, start, length);
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) {
			switch (localName) {
				case "v" -> {
					inValue = false;
					value = text.toString();
				}
				case "f" -> {
					inFormula = false;
					formula = text.toString();
				}
				case "is" -> {
					inInline = false;
					value = text.toString();
				}
				case "c" -> {
					String cell = cellText();
					if (formula != null) {
						formulas.put(column, "=" + formula);
					}
					if (cell != null && !cell.isEmpty()) {
						cells.put(column, cell);
					}
				}
				case "row" -> endRow();
				case "worksheet" -> {
					if (!mergedInHeader.isEmpty()) {
						throw new StopReading(new TableException(fileName + ": the header cells " + String.join(", ", mergedInHeader)
								+ " are merged; give every column a header cell of its own (see the template)"));
					}
				}
				default -> {
				}
			}
		}

		private String cellText() {
			if (value == null) {
				return null;
			}
			if (type == null || type.equals("n")) {
				return number(value);
			}
			return switch (type) {
				case "s" -> strings.getItemAt(Integer.parseInt(value.strip())).getString();
				case "b" -> "1".equals(value) ? "true" : "false";
				case "e" -> "#ERROR " + value;
				default -> value;
			};
		}

		/** A number as the user typed it: dates as YYYY-MM-DD, no float noise. */
		private String number(String raw) {
			double number;
			try {
				number = Double.parseDouble(raw);
			}
			catch (NumberFormatException e) {
				return raw;
			}
			if (style != null && styles != null) {
				XSSFCellStyle cellStyle = styles.getStyleAt(Integer.parseInt(style));
				if (cellStyle != null && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString())
						&& DateUtil.isValidExcelDate(number)) {
					return DateUtil.getLocalDateTime(number).toLocalDate().toString();
				}
			}
			// Excel holds doubles; the shortest decimal that round-trips is what the user typed
			return new BigDecimal(Double.toString(number)).stripTrailingZeros().toPlainString();
		}

		private void endRow() {
			try {
				if (!headerSeen) {
					if (cells.isEmpty()) {
						return;
					}
					int width = cells.lastKey() + 1;
					if (width > MAX_COLUMNS) {
						throw new TableException(fileName + ": the header has " + width + " columns; a sheet of ours has at most "
								+ MAX_COLUMNS + " (is this the right file?)");
					}
					header = new ArrayList<>();
					for (int c = 0; c < width; c++) {
						header.add(cells.getOrDefault(c, "").strip());
					}
					headerSeen = true;
					headerRow = rowNumber;
					handler.header(List.copyOf(header));
					return;
				}
				if (cells.values().stream().allMatch(String::isBlank)) {
					return;
				}
				List<RowProblem> problems = new ArrayList<>();
				Map<String, String> byHeader = new LinkedHashMap<>();
				for (int c = 0; c < header.size(); c++) {
					byHeader.put(header.get(c), cells.getOrDefault(c, ""));
				}
				for (Map.Entry<Integer, String> cell : cells.entrySet()) {
					String columnName = cell.getKey() < header.size() ? header.get(cell.getKey()) : null;
					String value = cell.getValue();
					if (cell.getKey() >= header.size() && !value.isBlank()) {
						problems.add(RowProblem.of(rowNumber, null, value, "table.cellOutsideHeader", "cell "
								+ new CellReference(rowNumber - 1, cell.getKey()).formatAsString(false)
								+ " has a value but its column no header", new CellReference(rowNumber - 1, cell.getKey())
									.formatAsString(false)));
					}
					else if (value.length() > MAX_CELL) {
						problems.add(RowProblem.of(rowNumber, columnName, value.substring(0, 40) + "…", "table.cellTooLong",
								"a cell of " + value.length() + " characters; a cell holds at most " + MAX_CELL, value.length(),
								MAX_CELL));
					}
				}
				formulas.forEach((c, f) -> problems.add(RowProblem.of(rowNumber, c < header.size() ? header.get(c) : null, f,
						"table.formula", "the cell holds a formula (" + f + "); the import takes values only: copy the sheet "
								+ "and paste it as values", f)));
				rows++;
				handler.row(new Table.Row(rowNumber, byHeader), problems);
				if (rows % 1000 == 0) {
					handler.progress(counting.count(), total);
				}
			}
			catch (RuntimeException e) {
				throw new StopReading(e);
			}
		}

	}

}
