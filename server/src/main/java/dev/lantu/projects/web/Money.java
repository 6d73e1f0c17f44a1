package dev.lantu.projects.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * Fen as people read money: 万元, or 亿元 from one 亿 up, always with the unit (元 against 万元 is the
 * classic error). {@link #exact} keeps every fen; {@link #brief} rounds to two decimals and says 约
 * when it did. Pages reach it as {@code ${money}}.
 */
final class Money {

	static final BigDecimal FEN_PER_WAN = new BigDecimal(1_000_000);

	static final BigDecimal FEN_PER_YI = new BigDecimal(10_000_000_000L);

	private final MessageSource messages;

	Money(MessageSource messages) {
		this.messages = messages;
	}

	/** Every fen, in 万元 (a fen is 0.000001 万元). */
	public String exact(Long fen, Locale locale) {
		if (fen == null) {
			return null;
		}
		return messages.getMessage("money.wan", new Object[] { number(wan(fen), locale) }, locale);
	}

	/** In 亿元 from one 亿 up, else in 万元, to two decimals; "about" when that rounded; zero as 0. */
	public String brief(Long fen, Locale locale) {
		if (fen == null) {
			return null;
		}
		if (fen == 0) {
			// nothing has no unit worth reading
			return messages.getMessage("money.zero", null, locale);
		}
		boolean yi = Math.abs(fen) >= FEN_PER_YI.longValue();
		BigDecimal value = new BigDecimal(fen).divide(yi ? FEN_PER_YI : FEN_PER_WAN);
		BigDecimal rounded = value.setScale(2, RoundingMode.HALF_UP);
		boolean about = rounded.compareTo(value) != 0;
		String key = (yi ? "money.yi" : "money.wan") + (about ? ".about" : "");
		return messages.getMessage(key, new Object[] { number(rounded.stripTrailingZeros(), locale) }, locale);
	}

	/** As a chart's axis takes it: 亿元, unrounded. */
	public static BigDecimal yi(long fen) {
		return new BigDecimal(fen).divide(FEN_PER_YI);
	}

	static BigDecimal wan(long fen) {
		return new BigDecimal(fen).divide(FEN_PER_WAN).stripTrailingZeros();
	}

	/** Fen as the plain 万元 number a form field shows. */
	static String wanField(Long fen) {
		return fen == null ? "" : wan(fen).toPlainString();
	}

	private static String number(BigDecimal value, Locale locale) {
		DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(locale);
		format.setMaximumFractionDigits(6);
		format.setGroupingUsed(true);
		return format.format(value);
	}

	/** Why an amount typed in 万元 is not an amount of fen. */
	enum Refusal {
		NOT_A_NUMBER, FINER_THAN_FEN, TOO_LARGE
	}

	static final class AmountException extends Exception {

		private final Refusal refusal;

		AmountException(Refusal refusal) {
			super(refusal.name(), null, false, false);
			this.refusal = refusal;
		}

		Refusal refusal() {
			return refusal;
		}

	}

	/**
	 * An amount typed in 万元 as fen, exactly: "12,500.5" is 12 500 500 000 fen; anything finer than a fen
	 * (more than six decimals) is refused rather than rounded. Blank is null.
	 */
	static Long fenOfWan(String text) throws AmountException {
		if (text == null || text.isBlank()) {
			return null;
		}
		BigDecimal wan;
		try {
			wan = new BigDecimal(text.strip().replace(",", "").replace("，", ""));
		}
		catch (NumberFormatException e) {
			throw new AmountException(Refusal.NOT_A_NUMBER);
		}
		BigDecimal fen = wan.multiply(FEN_PER_WAN);
		if (fen.stripTrailingZeros().scale() > 0) {
			throw new AmountException(Refusal.FINER_THAN_FEN);
		}
		try {
			return fen.longValueExact();
		}
		catch (ArithmeticException e) {
			throw new AmountException(Refusal.TOO_LARGE);
		}
	}

}
