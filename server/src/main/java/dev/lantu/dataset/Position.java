package dev.lantu.dataset;

/** Where something stands in a dataset: file, 1-based line and column (0 when unknown), path inside the file. */
public record Position(String file, int line, int column, String path) {

	public static Position of(String file) {
		return new Position(file, 0, 0, "");
	}

	public Position at(String childPath, int childLine, int childColumn) {
		return new Position(file, childLine, childColumn, childPath);
	}

	@Override
	public String toString() {
		StringBuilder where = new StringBuilder(file);
		if (line > 0) {
			where.append(':').append(line);
			if (column > 0) {
				where.append(':').append(column);
			}
		}
		if (!path.isEmpty()) {
			where.append(' ').append(path);
		}
		return where.toString();
	}

}
