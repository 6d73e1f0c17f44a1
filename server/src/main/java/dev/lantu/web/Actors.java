package dev.lantu.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Who makes a change, until accounts exist: the {@code X-Lantu-Actor} header of an API request. HTTP
 * headers carry Latin-1 only, so a Chinese name comes percent-encoded (UTF-8) and is decoded here.
 */
public final class Actors {

	public static final String HEADER = "X-Lantu-Actor";

	private Actors() {
	}

	public static String fromHeader(String header) {
		if (header == null) {
			return "anonymous";
		}
		try {
			String decoded = URLDecoder.decode(header, StandardCharsets.UTF_8).strip();
			return decoded.isEmpty() ? "anonymous" : decoded.substring(0, Math.min(decoded.length(), 200));
		}
		catch (IllegalArgumentException e) {
			return header.strip();
		}
	}

}
