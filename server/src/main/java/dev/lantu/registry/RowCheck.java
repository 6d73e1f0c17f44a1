package dev.lantu.registry;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.lantu.tables.RowProblem;
import dev.lantu.tables.Table;

/**
 * Checks one row of a registry sheet and turns it into an {@link EnterpriseRecord}: every cell is
 * checked, so a row reports all its problems at once. Errors make the row invalid; warnings say what
 * was repaired (a USCC in full-width or lower case, normalised) or looks implausible, and let it pass.
 */
final class RowCheck {

	/** The earliest year of figures the registry takes. */
	static final int FIRST_YEAR = 1990;

	private static final Pattern QUALIFICATION = Pattern.compile(
			"^(.+?)\\s*[（(]\\s*([^~～至到)）]*?)\\s*(?:[~～至到]|--)\\s*([^)）]*?)\\s*[)）]$");

	private static final Pattern DATED = Pattern.compile("^(.+?)\\s*(?:[（(]\\s*([^)）]*)\\s*[)）]|[:：]\\s*(\\S+))$");

	private static final Pattern LIST = Pattern.compile("[;；\\n]+");

	private static final Pattern FORMER_NAME_LIST = Pattern.compile("[;；、\\n]+");

	private static final Pattern EIGHT_DIGITS = Pattern.compile("\\d{8}");

	private static final Pattern TRAILING_ZEROS = Pattern.compile("\\.0+$");

	private final Map<String, EnterpriseColumn.Header> headers;

	/** Per column, the file's header for it (null when the file lacks it): looked up once, used for every row. */
	private final Map<EnterpriseColumn, String> columns = new java.util.EnumMap<>(EnterpriseColumn.class);

	/** The figures' columns, in the file's order. */
	private final List<Map.Entry<String, EnterpriseColumn.Header>> figureColumns;

	private final String revenueHeader;

	private final IndustryClassification industries;

	private final Districts districts;

	private final LocalDate today;

	RowCheck(Map<String, EnterpriseColumn.Header> headers, IndustryClassification industries, Districts districts,
			LocalDate today) {
		this.headers = headers;
		this.industries = industries;
		this.districts = districts;
		this.today = today;
		headers.forEach((text, header) -> {
			if (header.column() != null) {
				columns.putIfAbsent(header.column(), text);
			}
		});
		this.figureColumns = headers.entrySet().stream().filter(e -> e.getValue().figure() != null).toList();
		this.revenueHeader = headers.values().stream().filter(h -> h.figure() == Figure.REVENUE).map(EnterpriseColumn.Header::text)
			.findFirst().orElse(null);
	}

	/** The header this file gives a column, for problems that name it. */
	String header(EnterpriseColumn column) {
		String text = columns.get(column);
		return text == null ? column.zh : headers.get(text).text();
	}

	/** A row checked: the record when it is valid (null otherwise), its errors and its warnings. */
	record Checked(EnterpriseRecord record, List<RowProblem> errors, List<RowProblem> warnings) {
	}

	Checked check(Table.Row row, List<RowProblem> readProblems) {
		Cells cells = new Cells(row);
		List<RowProblem> errors = new ArrayList<>(readProblems);
		List<RowProblem> warnings = new ArrayList<>();
		int n = row.number();

		String uscc = null;
		String usccHeader = cells.header(EnterpriseColumn.USCC);
		String usccText = cells.get(EnterpriseColumn.USCC);
		if (usccText == null) {
			errors.add(RowProblem.of(n, usccHeader, null, "uscc.required", "the unified social credit code is required"));
		}
		else {
			UnifiedSocialCreditCode.Normalised normalised = UnifiedSocialCreditCode.normalise(usccText);
			Optional<String> problem = UnifiedSocialCreditCode.problem(normalised.code());
			if (problem.isPresent()) {
				String hint = UnifiedSocialCreditCode.lookAlike(normalised.code())
					.map(fixed -> "; did you mean " + fixed + " (O/0, I/1, Z/2, S/5, V/U are easily confused)?")
					.orElse(normalised.code().matches("[0-9.Ee+]+") && normalised.code().length() != 18
							? "; Excel may have kept it as a number and lost digits: format the column as text" : "");
				errors.add(RowProblem.of(n, usccHeader, usccText, "uscc.invalid", problem.get() + hint, usccText));
			}
			else {
				uscc = normalised.code();
				if (normalised.changed()) {
					warnings.add(RowProblem.of(n, usccHeader, usccText, "uscc.normalised", "normalised to " + uscc + " ("
							+ String.join(", ", normalised.changes()) + "); the registry keeps the canonical form", uscc));
				}
			}
		}

		String name = cells.get(EnterpriseColumn.NAME);
		if (name == null) {
			errors.add(RowProblem.of(n, cells.header(EnterpriseColumn.NAME), null, "name.required", "the enterprise's name is required"));
		}
		else if (name.length() > 300) {
			errors.add(RowProblem.of(n, cells.header(EnterpriseColumn.NAME), name.substring(0, 40) + "…", "text.tooLong",
					"at most 300 characters", 300));
			name = null;
		}
		List<String> formerNames = List.of();
		String former = cells.get(EnterpriseColumn.FORMER_NAMES);
		if (former != null) {
			formerNames = List.of(FORMER_NAME_LIST.split(former)).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
			if (formerNames.stream().anyMatch(f -> f.length() > 300)) {
				errors.add(RowProblem.of(n, cells.header(EnterpriseColumn.FORMER_NAMES), former.substring(0, 40) + "…",
						"text.tooLong", "a former name has at most 300 characters", 300));
			}
		}

		String district = null;
		String districtText = cells.get(EnterpriseColumn.DISTRICT);
		if (districtText == null) {
			errors.add(RowProblem.of(n, cells.header(EnterpriseColumn.DISTRICT), null, "district.required",
					"the district (GB/T 2260 code or name) is required"));
		}
		else {
			district = districts.code(districtText).orElse(null);
			if (district == null) {
				errors.add(RowProblem.of(n, cells.header(EnterpriseColumn.DISTRICT), districtText, "district.unknown-suggested",
						"no district of this city has this code or name; did you mean one of: "
								+ districts.suggestion(districtText), districtText, districts.suggestion(districtText)));
			}
		}

		String industry = null;
		String industryText = cells.get(EnterpriseColumn.INDUSTRY);
		if (industryText != null) {
			IndustryClassification.Check check = industries.check(industryText);
			if (!check.valid()) {
				errors.add(RowProblem.of(n, cells.header(EnterpriseColumn.INDUSTRY), industryText, "industry.invalid",
						check.problem() + (check.suggestion() == null ? "" : "; did you mean: " + check.suggestion()),
						industryText));
			}
			else {
				industry = check.code();
				if (check.note() != null) {
					warnings.add(RowProblem.of(n, cells.header(EnterpriseColumn.INDUSTRY), industryText, "industry.repaired",
							check.note(), industry));
				}
			}
		}

		LocalDate registeredOn = date(cells, EnterpriseColumn.REGISTERED_ON, n, errors, true);
		if (registeredOn != null && registeredOn.getYear() < 1900) {
			errors.add(RowProblem.of(n, cells.header(EnterpriseColumn.REGISTERED_ON), registeredOn.toString(), "date.tooEarly",
					"a founding date before 1900 is no date of a registered enterprise"));
			registeredOn = null;
		}

		EnterpriseStatus status = null;
		String statusText = cells.get(EnterpriseColumn.STATUS);
		if (statusText != null) {
			status = EnterpriseStatus.parse(statusText).orElse(null);
			if (status == null) {
				errors.add(RowProblem.of(n, cells.header(EnterpriseColumn.STATUS), statusText, "status.unknown",
						"expected 存续 (在业), 停业, 吊销, 注销 or 迁出"));
			}
		}

		String scope = cells.get(EnterpriseColumn.BUSINESS_SCOPE);
		if (scope != null && scope.length() > 4000) {
			errors.add(RowProblem.of(n, cells.header(EnterpriseColumn.BUSINESS_SCOPE), scope.substring(0, 40) + "…",
					"text.tooLong", "a business scope has at most 4000 characters", 4000));
			scope = null;
		}

		Integer year = null;
		String yearText = cells.get(EnterpriseColumn.YEAR);
		if (yearText != null) {
			try {
				year = Integer.valueOf(TRAILING_ZEROS.matcher(yearText.replace("年", "")).replaceAll("").strip());
				if (year > today.getYear()) {
					errors.add(RowProblem.of(n, cells.header(EnterpriseColumn.YEAR), yearText, "year.future",
							"figures for " + year + " cannot be known yet (today is " + today + ")", year));
					year = null;
				}
				else if (year < FIRST_YEAR) {
					errors.add(RowProblem.of(n, cells.header(EnterpriseColumn.YEAR), yearText, "year.tooEarly",
							"the registry keeps figures from " + FIRST_YEAR, FIRST_YEAR));
					year = null;
				}
			}
			catch (NumberFormatException e) {
				errors.add(RowProblem.of(n, cells.header(EnterpriseColumn.YEAR), yearText, "year.invalid", "expected a year such as 2024"));
			}
		}

		Map<Figure, Long> figures = new EnumMap<>(Figure.class);
		boolean figureGiven = false;
		for (Map.Entry<String, EnterpriseColumn.Header> entry : figureColumns) {
			EnterpriseColumn.Header header = entry.getValue();
			String text = row.get(entry.getKey());
			if (text == null) {
				continue;
			}
			figureGiven = true;
			Long value = figure(header, text, n, errors);
			if (value != null) {
				figures.put(header.figure(), value);
			}
		}
		if (figureGiven && yearText == null) {
			errors.add(RowProblem.of(n, cells.header(EnterpriseColumn.YEAR), null, "year.required",
					"the row gives yearly figures, so it needs its year (年度)"));
		}
		plausibility(figures, n, warnings);

		List<Qualification> qualifications = qualifications(cells, n, errors);
		List<Filing> filings = filings(cells, n, errors);

		Boolean synthetic = null;
		String syntheticText = cells.get(EnterpriseColumn.SYNTHETIC);
		if (syntheticText != null) {
			synthetic = flag(syntheticText);
			if (synthetic == null) {
				errors.add(RowProblem.of(n, cells.header(EnterpriseColumn.SYNTHETIC), syntheticText, "flag.invalid",
						"expected 是 or 否 (yes or no)"));
			}
		}

		if (!errors.isEmpty()) {
			return new Checked(null, errors, warnings);
		}
		return new Checked(new EnterpriseRecord(uscc, name, formerNames, district, industry, registeredOn, status, scope,
				synthetic, year, figures, qualifications, filings), errors, warnings);
	}

	private Long figure(EnterpriseColumn.Header header, String text, int n, List<RowProblem> errors) {
		Figure figure = header.figure();
		String column = header.text();
		switch (figure.kind()) {
			case MONEY -> {
				long fen;
				try {
					fen = header.unit().toFen(text);
				}
				catch (NumberFormatException e) {
					errors.add(RowProblem.of(n, column, text, "amount.invalid",
							"expected an amount in " + header.unit().zh() + ", e.g. 12500.5", header.unit().zh()));
					return null;
				}
				catch (ArithmeticException e) {
					if (String.valueOf(e.getMessage()).contains("finer")) {
						errors.add(RowProblem.of(n, column, text, "amount.subFen", "finer than one fen"));
					}
					else {
						errors.add(absurd(column, text, n, header));
					}
					return null;
				}
				if (fen < 0) {
					errors.add(RowProblem.of(n, column, text, "amount.negative", "a " + figure.zh() + " cannot be negative"));
					return null;
				}
				if (fen > Figure.ABSURD_FEN) {
					errors.add(absurd(column, text, n, header));
					return null;
				}
				return fen;
			}
			case COUNT -> {
				long count;
				try {
					java.math.BigDecimal number = new java.math.BigDecimal(text.replace(",", "").strip());
					count = number.longValueExact();
				}
				catch (NumberFormatException | ArithmeticException e) {
					errors.add(RowProblem.of(n, column, text, "count.invalid", "expected a whole number"));
					return null;
				}
				if (count < 0) {
					errors.add(RowProblem.of(n, column, text, "count.negative", "a count cannot be negative"));
					return null;
				}
				if (count > Figure.ABSURD_COUNT) {
					errors.add(RowProblem.of(n, column, text, "count.absurd", "more than " + Figure.ABSURD_COUNT
							+ ", which no single enterprise has", Figure.ABSURD_COUNT));
					return null;
				}
				return count;
			}
			default -> {
				Boolean flag = flag(text);
				if (flag == null) {
					errors.add(RowProblem.of(n, column, text, "flag.invalid", "expected 是 or 否 (yes or no)"));
					return null;
				}
				return flag ? 1L : 0L;
			}
		}
	}

	private static RowProblem absurd(String column, String text, int n, EnterpriseColumn.Header header) {
		return RowProblem.of(n, column, text, "amount.absurd", "more than 10 万亿元 (10 trillion yuan), which no enterprise "
				+ "has: is the column's unit right (元 against 万元)?", header.unit().zh());
	}

	/**
	 * Revenue that is implausible for the headcount: under 1,000 元 a head (万元 figures in a 元 column) or
	 * over 1 亿元 a head (元 figures in a 万元 column). Flagged, not refused: small holding companies exist.
	 */
	private void plausibility(Map<Figure, Long> figures, int n, List<RowProblem> warnings) {
		Long revenue = figures.get(Figure.REVENUE);
		Long employees = figures.get(Figure.EMPLOYEES);
		String column = revenueHeader;
		if (revenue == null || employees == null || revenue == 0) {
			return;
		}
		long perHeadYuan = employees == 0 ? Long.MAX_VALUE : revenue / 100 / employees;
		if (employees >= 10 && perHeadYuan < 1_000) {
			warnings.add(RowProblem.of(n, column, null, "figure.implausibleLow", "revenue of " + revenue / 100 + " 元 for "
					+ employees + " employees is under 1,000 元 a head: was it typed in 万元 into a 元 column?", revenue / 100,
					employees));
		}
		else if (employees > 0 && perHeadYuan > 100_000_000L) {
			warnings.add(RowProblem.of(n, column, null, "figure.implausibleHigh", "revenue of " + revenue / 100 + " 元 for "
					+ employees + " employees is over 1 亿元 a head: was it typed in 元 into a 万元 column?", revenue / 100,
					employees));
		}
	}

	private List<Qualification> qualifications(Cells cells, int n, List<RowProblem> errors) {
		String text = cells.get(EnterpriseColumn.QUALIFICATIONS);
		if (text == null) {
			return List.of();
		}
		String column = cells.header(EnterpriseColumn.QUALIFICATIONS);
		List<Qualification> qualifications = new ArrayList<>();
		for (String entry : LIST.split(text)) {
			String e = entry.strip();
			if (e.isEmpty()) {
				continue;
			}
			Matcher m = QUALIFICATION.matcher(e);
			String label = m.matches() ? m.group(1) : e;
			Optional<QualificationType> type = QualificationType.parse(label);
			if (type.isEmpty()) {
				errors.add(RowProblem.of(n, column, e, "qualification.unknown", "unknown qualification '" + label
						+ "'; expected " + QualificationType.known() + ", each optionally with its validity as "
						+ "高新技术企业(2023-12-01~2026-11-30)", label));
				continue;
			}
			LocalDate from = null;
			LocalDate until = null;
			if (m.matches()) {
				from = parseDate(m.group(2));
				until = parseDate(m.group(3));
				if ((!m.group(2).isBlank() && from == null) || (!m.group(3).isBlank() && until == null)) {
					errors.add(RowProblem.of(n, column, e, "qualification.dates", "the validity reads as FROM~UNTIL with "
							+ "dates as YYYY-MM-DD, e.g. 高新技术企业(2023-12-01~2026-11-30)"));
					continue;
				}
				if (from != null && from.isAfter(today)) {
					errors.add(RowProblem.of(n, column, e, "date.future", "the validity starts on " + from
							+ ", in the future (today is " + today + ")", from.toString()));
					continue;
				}
				if (from != null && until != null && until.isBefore(from)) {
					errors.add(RowProblem.of(n, column, e, "qualification.order", "the validity ends before it starts"));
					continue;
				}
			}
			qualifications.add(new Qualification(type.get(), from, until, null, null));
		}
		return qualifications;
	}

	private List<Filing> filings(Cells cells, int n, List<RowProblem> errors) {
		String text = cells.get(EnterpriseColumn.FILINGS);
		if (text == null) {
			return List.of();
		}
		String column = cells.header(EnterpriseColumn.FILINGS);
		List<Filing> filings = new ArrayList<>();
		for (String entry : LIST.split(text)) {
			String e = entry.strip();
			if (e.isEmpty()) {
				continue;
			}
			Matcher m = DATED.matcher(e);
			String label = m.matches() ? m.group(1) : e;
			Optional<FilingType> type = FilingType.parse(label);
			if (type.isEmpty()) {
				errors.add(RowProblem.of(n, column, e, "filing.unknown", "unknown filing '" + label + "'; expected "
						+ FilingType.known() + ", each with its date as 生成式人工智能服务备案(2024-03-15)", label));
				continue;
			}
			String dateText = m.matches() ? (m.group(2) != null ? m.group(2) : m.group(3)) : null;
			LocalDate filedOn = parseDate(dateText);
			if (filedOn == null) {
				errors.add(RowProblem.of(n, column, e, "filing.date", "a filing needs its date, as "
						+ type.get().label() + "(2024-03-15)"));
				continue;
			}
			if (filedOn.isAfter(today)) {
				errors.add(RowProblem.of(n, column, e, "date.future", "filed on " + filedOn + ", in the future (today is "
						+ today + ")", filedOn.toString()));
				continue;
			}
			filings.add(new Filing(type.get(), filedOn, null, null));
		}
		return filings;
	}

	private LocalDate date(Cells cells, EnterpriseColumn column, int n, List<RowProblem> errors, boolean past) {
		String text = cells.get(column);
		if (text == null) {
			return null;
		}
		LocalDate date = parseDate(text);
		if (date == null) {
			errors.add(RowProblem.of(n, cells.header(column), text, "date.invalid", "expected a date as YYYY-MM-DD"));
			return null;
		}
		if (past && date.isAfter(today)) {
			errors.add(RowProblem.of(n, cells.header(column), text, "date.future", date + " is in the future (today is "
					+ today + ")", date.toString()));
			return null;
		}
		return date;
	}

	private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.ROOT);

	private static final DateTimeFormatter LOOSE_DATE = DateTimeFormatter.ofPattern("uuuu-M-d", Locale.ROOT);

	/** A date as written in registers: 2024-03-15, 2024/3/15, 2024.3.15, 20240315, 2024年3月15日. */
	static LocalDate parseDate(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = IndustryClassification.halfWidth(text).strip();
		try {
			if (t.length() == 8 && EIGHT_DIGITS.matcher(t).matches()) {
				return LocalDate.parse(t.substring(0, 4) + "-" + t.substring(4, 6) + "-" + t.substring(6));
			}
			if (t.contains("年")) {
				return LocalDate.parse(t, CHINESE_DATE);
			}
			return LocalDate.parse(t.replace('/', '-').replace('.', '-'), LOOSE_DATE);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static Boolean flag(String text) {
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "是", "true", "yes", "y", "1", "有" -> true;
			case "否", "false", "no", "n", "0", "无" -> false;
			default -> null;
		};
	}

	/** A row's cells by column, and the header each column has in this file (for problems). */
	private final class Cells {

		private final Table.Row row;

		Cells(Table.Row row) {
			this.row = row;
		}

		String header(EnterpriseColumn column) {
			return RowCheck.this.header(column);
		}

		String get(EnterpriseColumn column) {
			String header = columns.get(column);
			return header == null ? null : row.get(header);
		}

	}

}
