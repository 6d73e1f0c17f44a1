package dev.lantu.atlas;

/** A request named a region, system, track or indicator the atlas does not have. */
public class NotInAtlasException extends RuntimeException {

	private final String field;

	private final String value;

	public NotInAtlasException(String field, String value, String expected) {
		super("unknown " + field + " '" + value + "': expected " + expected);
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
