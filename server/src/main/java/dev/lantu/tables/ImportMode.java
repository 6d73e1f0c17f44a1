package dev.lantu.tables;

import java.util.Optional;

/**
 * How an import treats invalid rows: {@code ATOMIC} (the default) imports nothing when one row is
 * invalid; {@code SKIP_INVALID} imports the valid rows and returns the rejects as a file with reasons.
 */
public enum ImportMode {

	ATOMIC("atomic"), SKIP_INVALID("skip-invalid");

	private final String parameter;

	ImportMode(String parameter) {
		this.parameter = parameter;
	}

	/** The mode as a request parameter or command option writes it: atomic, skip-invalid. */
	public String parameter() {
		return parameter;
	}

	public static Optional<ImportMode> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String t = text.strip().toLowerCase().replace('_', '-');
		for (ImportMode mode : values()) {
			if (mode.parameter.equals(t)) {
				return Optional.of(mode);
			}
		}
		return Optional.empty();
	}

}
