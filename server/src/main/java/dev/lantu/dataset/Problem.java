package dev.lantu.dataset;

/**
 * One thing wrong with a dataset or a posted definition. An {@link Kind#INCONSISTENT} problem refuses
 * the data; an {@link Kind#INCOMPLETE} one records what the sources do not say, so it is shown as
 * unknown rather than as zero.
 */
public record Problem(Kind kind, Position position, String expected, String found) {

	public enum Kind {
		INCONSISTENT, INCOMPLETE
	}

	public static Problem inconsistent(Position position, String expected, String found) {
		return new Problem(Kind.INCONSISTENT, position, expected, found);
	}

	public static Problem incomplete(Position position, String expected, String found) {
		return new Problem(Kind.INCOMPLETE, position, expected, found);
	}

	public String file() {
		return position.file();
	}

	public int line() {
		return position.line();
	}

	public int column() {
		return position.column();
	}

	public String path() {
		return position.path();
	}

	/** The human sentence: where, what was expected, what was found. */
	public String message() {
		return position + ": expected " + expected + ", found " + found;
	}

	@Override
	public String toString() {
		return kind.name().toLowerCase() + " " + message();
	}

}
