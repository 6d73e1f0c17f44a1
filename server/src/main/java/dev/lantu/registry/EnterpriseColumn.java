package dev.lantu.registry;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.lantu.tables.MoneyUnit;
import dev.lantu.tables.RowProblem;

/**
 * The columns of a registry sheet, with the headers officials use (中文) and English ones (the policy
 * schema's names). Yearly figures are columns too: money ones declare their unit, 营业收入（万元） or
 * revenue_wan, since 元 against 万元 is the classic error.
 */
enum EnterpriseColumn {

	USCC("统一社会信用代码", "uscc", "社会信用代码", "信用代码"), NAME("企业名称", "name", "单位名称"),
	FORMER_NAMES("曾用名", "former_names"), DISTRICT("所属区", "district", "所在区", "注册区"),
	INDUSTRY("行业代码", "industry_code", "国民经济行业代码"), REGISTERED_ON("成立日期", "registered_on", "注册日期"),
	STATUS("登记状态", "status", "经营状态", "企业状态"), BUSINESS_SCOPE("经营范围", "business_scope"),
	YEAR("年度", "year", "年份"), QUALIFICATIONS("资质", "qualifications", "资质认定"), FILINGS("备案", "filings"),
	SYNTHETIC("合成数据", "synthetic");

	/** Columns an export adds for reading that an import passes over. */
	static final List<String> EXPORT_ONLY = List.of("区名称", "district_name", "行业名称", "industry_name", "版本", "version");

	final String zh;

	final String en;

	final List<String> aliases;

	EnterpriseColumn(String zh, String en, String... aliases) {
		this.zh = zh;
		this.en = en;
		this.aliases = List.of(aliases);
	}

	/** A header understood: an enterprise column, or a figure (with its unit when it is money). */
	record Header(String text, EnterpriseColumn column, Figure figure, MoneyUnit unit) {
	}

	/** The headers of a file understood, or every problem with them (row 1). */
	static Map<String, Header> parse(List<String> header) {
		Map<String, Header> known = new LinkedHashMap<>();
		List<RowProblem> problems = new ArrayList<>();
		Map<EnterpriseColumn, String> seen = new EnumMap<>(EnterpriseColumn.class);
		Map<Figure, String> seenFigures = new EnumMap<>(Figure.class);
		for (int i = 0; i < header.size(); i++) {
			String h = header.get(i).strip();
			if (h.isEmpty()) {
				problems.add(RowProblem.of(1, columnLetter(i), null, "header.empty", "column " + columnLetter(i)
						+ " has no header (merged header cells, or a title row above the header?)", columnLetter(i)));
				continue;
			}
			if (EXPORT_ONLY.contains(h)) {
				continue;
			}
			Optional<Header> parsed = parseOne(h);
			if (parsed.isEmpty()) {
				problems.add(unknown(h));
				continue;
			}
			String before = parsed.get().column() != null ? seen.put(parsed.get().column(), h)
					: seenFigures.put(parsed.get().figure(), h);
			if (before != null) {
				problems.add(RowProblem.of(1, h, h, "header.twice", "the same column as '" + before + "'", before));
			}
			known.put(header.get(i), parsed.get());
		}
		for (EnterpriseColumn required : List.of(USCC, NAME, DISTRICT)) {
			if (!seen.containsKey(required)) {
				problems.add(RowProblem.of(1, null, null, "header.missing",
						"a column " + required.zh + " (" + required.en + ") is needed", required.zh, required.en));
			}
		}
		if (!seenFigures.isEmpty() && !seen.containsKey(YEAR)) {
			problems.add(RowProblem.of(1, null, null, "header.missingYear",
					"yearly figures need a column 年度 (year) saying which year they are for"));
		}
		if (!problems.isEmpty()) {
			throw new ImportRefusedException(problems);
		}
		return known;
	}

	private static Optional<Header> parseOne(String h) {
		for (EnterpriseColumn column : values()) {
			if (h.equals(column.zh) || h.equalsIgnoreCase(column.en) || column.aliases.contains(h)) {
				return Optional.of(new Header(h, column, null, null));
			}
		}
		for (Figure figure : Figure.values()) {
			switch (figure.kind()) {
				case MONEY -> {
					Optional<MoneyUnit> unit = MoneyUnit.declaredBy(h, figure.zh(), figure.variable());
					if (unit.isPresent()) {
						return Optional.of(new Header(h, null, figure, unit.get()));
					}
				}
				case COUNT -> {
					if (h.equals(figure.zh()) || h.equals(figure.zh() + "（人）") || h.equals(figure.zh() + "(人)")
							|| h.equalsIgnoreCase(figure.variable())) {
						return Optional.of(new Header(h, null, figure, null));
					}
				}
				case FLAG -> {
					if (h.equals(figure.zh()) || h.equalsIgnoreCase(figure.variable())) {
						return Optional.of(new Header(h, null, figure, null));
					}
				}
			}
		}
		return Optional.empty();
	}

	private static RowProblem unknown(String h) {
		for (Figure figure : Figure.values()) {
			if (figure.kind() == Figure.Kind.MONEY && (h.startsWith(figure.zh()) || h.toLowerCase().startsWith(figure.variable()))) {
				return RowProblem.of(1, h, h, "header.moneyUnit", "a money column names its unit: "
						+ MoneyUnit.headersFor(figure.zh(), figure.variable()), MoneyUnit.headersFor(figure.zh(), figure.variable()));
			}
		}
		return RowProblem.of(1, h, h, "header.unknown", "unknown column; expected one of the template's columns ("
				+ String.join(", ", templateHeader(MoneyUnit.WAN)) + ")");
	}

	/** The header of the template and of exports: Chinese, money in {@code unit}. */
	static List<String> templateHeader(MoneyUnit unit) {
		List<String> header = new ArrayList<>();
		for (EnterpriseColumn column : List.of(USCC, NAME, FORMER_NAMES, DISTRICT, INDUSTRY, REGISTERED_ON, STATUS,
				BUSINESS_SCOPE, QUALIFICATIONS, FILINGS, YEAR)) {
			header.add(column.zh);
		}
		for (Figure figure : Figure.values()) {
			header.add(switch (figure.kind()) {
				case MONEY -> unit.header(figure.zh());
				case COUNT -> figure.zh() + "（人）";
				case FLAG -> figure.zh();
			});
		}
		header.add(SYNTHETIC.zh);
		return header;
	}

	static String columnLetter(int index) {
		StringBuilder letters = new StringBuilder();
		for (int i = index; i >= 0; i = i / 26 - 1) {
			letters.insert(0, (char) ('A' + i % 26));
		}
		return letters.toString();
	}

}
