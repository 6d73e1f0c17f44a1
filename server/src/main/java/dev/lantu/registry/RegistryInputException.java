package dev.lantu.registry;

/** A request the registry refuses: which field, the value, why. Nothing changed. */
public class RegistryInputException extends RuntimeException {

	private final String field;

	private final String value;

	public RegistryInputException(String field, String value, String reason) {
		super(field + ": " + reason);
		this.field = field;
		this.value = value;
	}

	public String field() {
		return field;
	}

	public String value() {
		return value;
	}

}
