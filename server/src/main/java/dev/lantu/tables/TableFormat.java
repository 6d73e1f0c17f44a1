package dev.lantu.tables;

import java.util.Arrays;
import java.util.Optional;

/** The spreadsheet formats Lantu reads and writes. */
public enum TableFormat {

	CSV("text/csv; charset=UTF-8", "csv"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

	private final String mediaType;

	private final String extension;

	TableFormat(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	public String mediaType() {
		return mediaType;
	}

	public String extension() {
		return extension;
	}

	public static Optional<TableFormat> parse(String text) {
		return Arrays.stream(values()).filter(f -> f.extension.equalsIgnoreCase(text == null ? "" : text.strip())).findFirst();
	}

	/** The format a file name says, e.g. 签约项目.xlsx. */
	public static Optional<TableFormat> ofFileName(String name) {
		if (name == null || !name.contains(".")) {
			return Optional.empty();
		}
		return parse(name.substring(name.lastIndexOf('.') + 1));
	}

}
