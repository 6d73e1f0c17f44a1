package dev.lantu.tables;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A money unit of a sheet's column and how many fen one of it is. Money columns declare their unit in
 * the header, e.g. 计划总投资（万元） or revenue_wan, since 元 against 万元 is the classic error.
 */
public enum MoneyUnit {

	YUAN("元", "yuan", new BigDecimal(100)), WAN("万元", "wan", new BigDecimal(1_000_000)),
	YI("亿元", "yi", new BigDecimal(10_000_000_000L));

	private final String zh;

	private final String en;

	private final BigDecimal fen;

	MoneyUnit(String zh, String en, BigDecimal fen) {
		this.zh = zh;
		this.en = en;
		this.fen = fen;
	}

	public String zh() {
		return zh;
	}

	public String en() {
		return en;
	}

	/** A header that names a money column and its unit: 营业收入（万元）, 营业收入(元) or revenue_wan. */
	public record UnitHeader(String zh, String en, MoneyUnit unit) {
	}

	/** The unit a header declares for the column named {@code zh} (中文) or {@code en}; empty when it is not that column. */
	public static Optional<MoneyUnit> declaredBy(String header, String zh, String en) {
		String h = header.strip();
		for (MoneyUnit unit : values()) {
			if (h.equals(zh + "（" + unit.zh + "）") || h.equals(zh + "(" + unit.zh + ")")
					|| h.equalsIgnoreCase(en + "_" + unit.en)) {
				return Optional.of(unit);
			}
		}
		return Optional.empty();
	}

	/** What a money column's header must look like, for error messages. */
	public static String headersFor(String zh, String en) {
		return String.join(", ", Arrays.stream(values()).map(u -> zh + "（" + u.zh + "）").toList()) + " or " + en + "_wan";
	}

	/** The header an export writes for a column in this unit. */
	public String header(String zh) {
		return zh + "（" + this.zh + "）";
	}

	/**
	 * An amount as typed (thousands separators allowed) in this unit, as exact fen.
	 *
	 * @throws NumberFormatException when it is no number
	 * @throws ArithmeticException when it is finer than one fen or too large for fen in a long
	 */
	public long toFen(String text) {
		BigDecimal fen = new BigDecimal(text.strip().replace(",", "").replace("，", "")).multiply(this.fen);
		if (fen.stripTrailingZeros().scale() > 0) {
			throw new ArithmeticException("finer than one fen");
		}
		return fen.longValueExact();
	}

	/** Fen in this unit, exact (a fen is 0.000001 万元), without trailing zeros. */
	public String format(long fen) {
		return new BigDecimal(fen).divide(this.fen).stripTrailingZeros().toPlainString();
	}

	public static List<MoneyUnit> all() {
		return List.of(values());
	}

}
