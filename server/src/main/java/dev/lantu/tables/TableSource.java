package dev.lantu.tables;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes of a sheet that can be read more than once (an import checks a whole file, then writes
 * it): a file on disk, or bytes already in memory.
 */
public interface TableSource {

	InputStream open() throws IOException;

	/** The size in bytes, for progress. */
	long size();

	/** The file's own path when it is on disk (XLSX reads it without copying). */
	default Path path() {
		return null;
	}

	static TableSource of(Path file) {
		return new TableSource() {
			@Override
			public InputStream open() throws IOException {
				return Files.newInputStream(file);
			}

			@Override
			public long size() {
				try {
					return Files.size(file);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}

			@Override
			public Path path() {
				return file;
			}
		};
	}

	static TableSource of(byte[] content) {
		return new TableSource() {
			@Override
			public InputStream open() {
				return new ByteArrayInputStream(content);
			}

			@Override
			public long size() {
				return content.length;
			}
		};
	}

}
