package dev.lantu.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * A dataset directory, on the file system or inside the jar ({@code classpath:datasets/guangzhou}).
 * Files are read as UTF-8 text, named by their path relative to the directory.
 */
public final class DatasetDirectory {

	public record DatasetFile(String name, String text) {
	}

	private final String location;

	private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

	private final Map<String, DatasetFile> filesRead = new TreeMap<>();

	public DatasetDirectory(String location) {
		String trimmed = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
		this.location = trimmed.startsWith("classpath:") || trimmed.startsWith("file:") ? trimmed : "file:" + trimmed;
	}

	public String location() {
		return location;
	}

	public boolean exists() {
		return read("dataset.yaml").isPresent();
	}

	public Optional<DatasetFile> read(String name) {
		Resource resource = resolver.getResource(location + "/" + name);
		if (!resource.exists()) {
			return Optional.empty();
		}
		try (InputStream in = resource.getInputStream()) {
			DatasetFile file = new DatasetFile(name, stripBom(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
			synchronized (filesRead) {
				filesRead.put(name, file);
			}
			return Optional.of(file);
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot read " + location + "/" + name + ": " + e.getMessage(), e);
		}
	}

	/** The files of a sub-directory whose names end with the suffix, in name order. */
	public List<DatasetFile> list(String directory, String suffix) {
		try {
			String pattern = location.startsWith("classpath:") ? "classpath*:" + location.substring("classpath:".length())
					: location;
			Resource[] resources = resolver.getResources(pattern + "/" + directory + "/*" + suffix);
			return Arrays.stream(resources)
				.filter(Resource::isReadable)
				.map(r -> directory + "/" + r.getFilename())
				.distinct()
				.sorted(Comparator.naturalOrder())
				.map(name -> read(name).orElseThrow())
				.toList();
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot list " + location + "/" + directory + ": " + e.getMessage(), e);
		}
	}

	/** A fingerprint of every file read so far: the same files give the same fingerprint. */
	public String fingerprint() {
		synchronized (filesRead) {
			return sha256(List.copyOf(filesRead.values()));
		}
	}

	private static String stripBom(String text) {
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

	/** A fingerprint of file contents, to tell a changed dataset or definition from the same one. */
	public static String sha256(List<DatasetFile> files) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (DatasetFile file : files) {
				digest.update(file.name().getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				digest.update(file.text().getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	public static String sha256(String text) {
		return sha256(List.of(new DatasetFile("", text)));
	}

}
