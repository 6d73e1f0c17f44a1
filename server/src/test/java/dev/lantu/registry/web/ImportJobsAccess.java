package dev.lantu.registry.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;

import dev.lantu.accounts.Caller;
import dev.lantu.support.Callers;
import dev.lantu.tables.ImportMode;
import dev.lantu.tables.TableFormat;

/** Import jobs for tests outside this package: one run to its end as a caller, its id returned. */
public final class ImportJobsAccess {

	private ImportJobsAccess() {
	}

	/** A dry-run, skip-invalid import of a CSV by {@code caller}: nothing is written, the job (and its rejects) is kept. */
	public static String dryRun(ApplicationContext context, Caller caller, String fileName, String csv) {
		ImportJobs jobs = context.getBean(ImportJobs.class);
		String[] id = new String[1];
		Callers.run(caller, () -> {
			try {
				ImportJobs.Job job = jobs.create(new MockMultipartFile("file", fileName, "text/csv",
						csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)), ImportMode.SKIP_INVALID, true);
				jobs.run(job, TableFormat.CSV, caller.username());
				id[0] = job.id;
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
		return id[0];
	}

}
