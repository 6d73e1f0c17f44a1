package dev.lantu.web;

/**
 * File names that come from users: an upload's original name, a name posted back for a download. A name is only
 * ever a label (uploads are stored under names the server makes up), but a name that looks like a path
 * ({@code ../../etc/passwd}, {@code ..\..\x.csv}, {@code /abs/path.csv}) or holds control characters (NUL, CR, LF)
 * is a sign of an attack or a broken client: an upload so named is refused with 400, and a name echoed into a
 * Content-Disposition header is reduced to a plain file name first.
 */
public final class FileNames {

	/** Longer names are refused: no file system takes more. */
	public static final int MAX_LENGTH = 255;

	private FileNames() {
	}

	/**
	 * The reason an uploaded file's name is refused, or null when it is a plain file name. A missing or empty
	 * name is not refused here: the callers say a file is needed.
	 */
	public static String problem(String name) {
		if (name == null || name.isEmpty()) {
			return null;
		}
		if (name.length() > MAX_LENGTH) {
			return "the file name is " + name.length() + " characters long; at most " + MAX_LENGTH + " are accepted";
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c < 0x20 || c == 0x7f) {
				return "the file name holds a control character (code " + (int) c + "); expected a plain file name";
			}
			if (c == '/' || c == '\\') {
				return "the file name holds a path separator ('" + c + "'); expected a plain file name such as projects.csv";
			}
		}
		if (name.equals(".") || name.equals("..")) {
			return "'" + name + "' is no file name";
		}
		return null;
	}

	/** The name when it is a plain file name (or missing); refused with {@link UnsafeFileNameException} otherwise. */
	public static String checked(String field, String name) {
		String problem = problem(name);
		if (problem != null) {
			throw new UnsafeFileNameException(field, name, problem);
		}
		return name;
	}

	/**
	 * A user-supplied name made safe for a download's Content-Disposition: the last segment of a path, without
	 * control characters or leading dots, at most {@link #MAX_LENGTH} characters; {@code fallback} when nothing is
	 * left.
	 */
	public static String forDownload(String name, String fallback) {
		if (name == null) {
			return fallback;
		}
		String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		StringBuilder clean = new StringBuilder(base.length());
		base.codePoints().filter(c -> c >= 0x20 && c != 0x7f && c != '"').forEach(clean::appendCodePoint);
		String safe = clean.toString().strip().replaceFirst("^\\.+", "");
		if (safe.length() > MAX_LENGTH) {
			safe = safe.substring(0, MAX_LENGTH);
		}
		return safe.isBlank() ? fallback : safe;
	}

}
