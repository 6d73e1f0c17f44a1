package dev.lantu.policy;

import dev.lantu.engine.lang.Printer;

/**
 * An exact amount of money: whole fen, and the same as a policy document writes it (150万元, 1234.57元).
 */
public record Amount(long fen, String text) {

	public static Amount of(long fen) {
		return new Amount(fen, Printer.money(fen));
	}

	/** {@code null} stays {@code null}: an amount that is not known is not zero. */
	public static Amount ofNullable(Long fen) {
		return fen == null ? null : of(fen);
	}

}
