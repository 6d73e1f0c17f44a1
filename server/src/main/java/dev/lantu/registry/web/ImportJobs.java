package dev.lantu.registry.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import dev.lantu.accounts.Access;
import dev.lantu.accounts.AuditOrigin;
import dev.lantu.accounts.Caller;
import dev.lantu.registry.EnterpriseImport;
import dev.lantu.registry.ImportProgress;
import dev.lantu.registry.ImportRefusedException;
import dev.lantu.tables.ImportMode;
import dev.lantu.tables.RowProblem;
import dev.lantu.tables.TableException;
import dev.lantu.tables.TableFormat;
import dev.lantu.tables.TableSource;

/**
 * Enterprise imports as jobs: the upload is kept in a temporary file (the import reads it twice), runs
 * now or in the background, and its progress, report and rejects file stay available for a while. Jobs
 * live in this node's memory (the latest {@value #KEPT}); a multi-node deployment needs sticky sessions
 * for the progress page, or a shared job table later.
 */
@Component
class ImportJobs {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	static final int KEPT = 50;

	private final EnterpriseImport imports;

	/** One import at a time: they are disk- and database-bound, and each holds one long transaction. */
	private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "enterprise-import");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, Job> jobs = new LinkedHashMap<>();

	ImportJobs(EnterpriseImport imports) {
		this.imports = imports;
	}

	/** An import and what became of it: running, a report, or a whole-file refusal. */
	static final class Job {

		final String id = UUID.randomUUID().toString();

		final String file;

		final ImportMode mode;

		final boolean dryRun;

		final Instant started = Instant.now();

		final ImportProgress progress = new ImportProgress();

		/** Who started it: they and the administrator see it, nobody else (404). */
		final String owner;

		private final Path upload;

		volatile EnterpriseImport.Report report;

		volatile Path rejects;

		/** The file refused as a whole: its header, or unreadable. */
		volatile List<RowProblem> fileProblems;

		volatile String unreadable;

		Job(String file, ImportMode mode, boolean dryRun, Path upload, String owner) {
			this.owner = owner;
			this.file = file;
			this.mode = mode;
			this.dryRun = dryRun;
			this.upload = upload;
		}

		boolean finished() {
			return report != null || fileProblems != null || unreadable != null;
		}

	}

	/** Saves the upload, for a caller who may import; the format comes from its name. */
	Job create(MultipartFile file, ImportMode mode, boolean dryRun) throws IOException {
		requireMayImport();
		Caller caller = Access.caller();
		Path upload = Files.createTempFile("lantu-import-", ".upload");
		file.transferTo(upload);
		Job job = new Job(file.getOriginalFilename(), mode, dryRun, upload, caller.username());
		synchronized (jobs) {
			jobs.put(job.id, job);
			while (jobs.size() > KEPT) {
				String oldest = jobs.keySet().iterator().next();
				discard(jobs.remove(oldest));
			}
		}
		return job;
	}

	void requireMayImport() {
		imports.requireMayImport();
	}

	/** Runs the import in the calling thread; the job keeps the report (and the rejects). */
	Job run(Job job, TableFormat format, String actor) {
		return run(job, format, actor, AuditOrigin.current());
	}

	private Job run(Job job, TableFormat format, String actor, AuditOrigin origin) {
		try {
			EnterpriseImport.Outcome outcome = imports.importFile(TableSource.of(job.upload), job.file, format, job.mode,
					job.dryRun, actor, job.progress, job.id, origin);
			job.rejects = outcome.rejects();
			job.report = outcome.report();
		}
		catch (ImportRefusedException e) {
			job.fileProblems = e.problems();
			throw e;
		}
		catch (TableException e) {
			job.unreadable = e.getMessage();
			throw e;
		}
		catch (RuntimeException e) {
			job.unreadable = "the import failed: " + e.getMessage();
			throw e;
		}
		finally {
			deleteQuietly(job.upload);
		}
		return job;
	}

	/** Starts the import in the background, as its starter and audited as their request. */
	Job start(Job job, TableFormat format, String actor) {
		AuditOrigin origin = AuditOrigin.current();
		executor.submit(Access.carry(() -> {
			try {
				run(job, format, actor, origin);
			}
			catch (ImportRefusedException | TableException e) {
				// kept in the job for its page
			}
			catch (RuntimeException e) {
				log.warn("enterprise import {} of {} failed", job.id, job.file, e);
			}
		}));
		return job;
	}

	/** The job, if the caller started it or is the administrator: anyone else is told there is none. */
	Optional<Job> find(String id) {
		Caller caller = Access.caller();
		Access.require(caller.isSignedIn() || caller.isAdministrator(), "see an import");
		Job job;
		synchronized (jobs) {
			job = jobs.get(id);
		}
		return Optional.ofNullable(job).filter(j -> caller.isAdministrator() || j.owner.equals(caller.username()));
	}

	private static void discard(Job job) {
		if (job != null) {
			deleteQuietly(job.upload);
			deleteQuietly(job.rejects);
		}
	}

	private static void deleteQuietly(Path path) {
		if (path == null) {
			return;
		}
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException e) {
			log.debug("could not delete {}", path, e);
		}
	}

	@PreDestroy
	void shutdown() {
		executor.shutdownNow();
		synchronized (jobs) {
			jobs.values().forEach(ImportJobs::discard);
			jobs.clear();
		}
	}

}
