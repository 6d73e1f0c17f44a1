package dev.lantu.policy;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.lantu.engine.lang.Printer;

/**
 * An exact amount of money: whole fen, and the same as people read it, always exact and with its
 * unit: 150万元, 123.45万元 (from one 万元 up), 2亿元 (whole 亿), 1234.57元 (below one 万元).
 */
public record Amount(long fen, String text) {

	private static final long FEN_PER_WAN = 1_000_000L;

	private static final long FEN_PER_YI = 10_000_000_000L;

	private static final Pattern WRITTEN = Pattern.compile("(-?[0-9]+(?:\\.[0-9]+)?)(亿元|万元|元)");

	public static Amount of(long fen) {
		return new Amount(fen, text(fen));
	}

	/** {@code null} stays {@code null}: an amount that is not known is not zero. */
	public static Amount ofNullable(Long fen) {
		return fen == null ? null : of(fen);
	}

	static String text(long fen) {
		if (fen % FEN_PER_YI == 0 || Math.abs(fen) < FEN_PER_WAN) {
			return Printer.money(fen);
		}
		return BigDecimal.valueOf(fen).movePointLeft(6).stripTrailingZeros().toPlainString() + "万元";
	}

	/**
	 * An amount the engine wrote (1234500元, 150万元) in this form; any other text stays as it is.
	 */
	static String rewrite(String written) {
		Matcher matcher = WRITTEN.matcher(written);
		if (!matcher.matches()) {
			return written;
		}
		int shift = switch (matcher.group(2)) {
			case "亿元" -> 10;
			case "万元" -> 6;
			default -> 2;
		};
		try {
			return text(new BigDecimal(matcher.group(1)).movePointRight(shift).longValueExact());
		}
		catch (ArithmeticException e) {
			return written;
		}
	}

}
