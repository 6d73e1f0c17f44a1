package dev.lantu.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.lantu.accounts.Access;
import dev.lantu.accounts.AuditLog;
import dev.lantu.accounts.AuditOrigin;
import dev.lantu.accounts.Caller;
import dev.lantu.accounts.Role;
import dev.lantu.atlas.AtlasService;
import dev.lantu.registry.store.EnterpriseRepository;
import dev.lantu.registry.store.EnterpriseWriter;
import dev.lantu.tables.ImportMode;
import dev.lantu.tables.RowHandler;
import dev.lantu.tables.RowProblem;
import dev.lantu.tables.Table;
import dev.lantu.tables.TableFormat;
import dev.lantu.tables.TableSource;
import dev.lantu.tables.TableStream;
import dev.lantu.tables.TableWriter;

/**
 * Imports enterprises from CSV or XLSX in bounded memory, whatever the file's length. A first pass reads
 * the whole file and checks every row (and finds rows that repeat an enterprise and year, or disagree
 * about an enterprise); a second pass reads it again and writes the valid rows in batches, all in one
 * transaction. By default the import is atomic: one invalid row and nothing is written. With
 * {@link ImportMode#SKIP_INVALID} the valid rows are written and the invalid ones come back as a CSV file
 * with a reason column. A dry run only checks. Re-importing an enterprise updates it by its USCC and keeps
 * the history of every changed value.
 */
@Service
public class EnterpriseImport {

	/** The report lists this many problems (and warnings) and counts the rest; the rejects file has them all. */
	public static final int LISTED = 1000;

	private final AtlasService atlas;

	private final IndustryClassification industries;

	private final EnterpriseWriter writer;

	private final EnterpriseRepository repository;

	private final TransactionTemplate transaction;

	private final AuditLog audit;

	private final Clock clock = Clock.systemDefaultZone();

	EnterpriseImport(AtlasService atlas, IndustryClassification industries, EnterpriseWriter writer,
			EnterpriseRepository repository, TransactionTemplate transaction, AuditLog audit) {
		this.audit = audit;
		this.atlas = atlas;
		this.industries = industries;
		this.writer = writer;
		this.repository = repository;
		this.transaction = transaction;
	}

	/**
	 * What an import did. Counts are of rows: {@code created} rows made a new enterprise, {@code updated} ones
	 * changed an existing one (including later rows, e.g. other years, of an enterprise an earlier row of the
	 * same file created), {@code unchanged} ones said what the registry knew. {@code problems} and
	 * {@code warnings} list the first {@value #LISTED}; the counts say how many there were.
	 * {@code refused}: an atomic import that wrote nothing because of problems.
	 */
	public record Report(String file, TableFormat format, String encoding, int rows, int valid, int invalid, int created,
			int updated, int unchanged, int figuresWritten, int figuresChanged, boolean dryRun, ImportMode mode,
			boolean refused, List<RowProblem> problems, int problemCount, List<RowProblem> warnings, int warningCount,
			boolean rejectsAvailable) {
	}

	/** The report and, for a skip-invalid import with rejects, the rejects CSV (a temporary file the caller owns). */
	public record Outcome(Report report, Path rejects) {
	}

	/** Refuses a caller who may not import enterprises (before a file is even taken). */
	public void requireMayImport() {
		Access.require(RegistryAccess.mayImport(Access.caller()), "import enterprises");
	}

	public Outcome importFile(TableSource source, String fileName, TableFormat format, ImportMode mode, boolean dryRun,
			String actor, ImportProgress progress) {
		return importFile(source, fileName, format, mode, dryRun, actor, progress, null, AuditOrigin.current());
	}

	/**
	 * Imports as the current caller: the city administrator, or a district officer whose rows must each be in
	 * their district (a row of another district is refused with the reason, like any invalid row). An import
	 * that writes is audited as one {@code enterprise.import} entry (file, mode, counts, {@code importId}) on
	 * behalf of {@code origin} (captured where the request started it), in the import's transaction.
	 */
	public Outcome importFile(TableSource source, String fileName, TableFormat format, ImportMode mode, boolean dryRun,
			String actor, ImportProgress progress, String importId, AuditOrigin origin) {
		requireMayImport();
		Caller caller = Access.caller();
		try {
			Outcome outcome = run(source, fileName, format, mode, dryRun, actor, progress, caller,
					importId == null ? java.util.UUID.randomUUID().toString() : importId, origin);
			progress.done();
			return outcome;
		}
		catch (RuntimeException e) {
			progress.failed();
			throw e;
		}
	}

	private Outcome run(TableSource source, String fileName, TableFormat format, ImportMode mode, boolean dryRun,
			String actor, ImportProgress progress, Caller caller, String importId, AuditOrigin origin) {
		LocalDate today = LocalDate.now(clock);
		Districts districts = new Districts(atlas.districts());
		Check check = new Check(districts, today, progress, caller);
		TableStream.Summary summary = TableStream.read(source, format, fileName, check);
		int invalid = check.invalidRows.cardinality();
		int valid = summary.rows() - invalid;
		boolean hasProblems = check.problemCount > 0;
		boolean write = !dryRun && (mode == ImportMode.SKIP_INVALID || !hasProblems) && valid > 0;
		boolean rejects = mode == ImportMode.SKIP_INVALID && hasProblems;
		int[] counts = new int[5];
		Path rejectsFile = null;
		if (write || rejects) {
			rejectsFile = rejects ? temporaryFile() : null;
			Path rejectsPath = rejectsFile;
			Runnable second = () -> {
				try (OutputStream out = rejectsPath == null ? OutputStream.nullOutputStream() : Files.newOutputStream(rejectsPath)) {
					if (write) {
						// which enterprises the registry has, asked once before anything is written
						check.seen.forEachChunk(EnterpriseWriter.BATCH,
								chunk -> repository.existing(chunk).forEach(check.seen::markExisting));
					}
					Write pass = new Write(check, write ? writer.open(actor, "import: " + fileName, OffsetDateTime.now(clock)) : null,
							rejectsPath == null ? null : out, valid, progress);
					TableStream.read(source, format, fileName, pass);
					pass.finish(counts);
					if (write) {
						Map<String, Object> after = new java.util.LinkedHashMap<>();
						after.put("import", importId);
						after.put("file", fileName);
						after.put("mode", mode.parameter());
						after.put("rows", summary.rows());
						after.put("valid", valid);
						after.put("invalid", invalid);
						after.put("created", counts[0]);
						after.put("updated", counts[1]);
						after.put("unchanged", counts[2]);
						after.put("figuresWritten", counts[3]);
						after.put("figuresChanged", counts[4]);
						audit.record(origin, "enterprise.import", "enterprise_import", importId,
								caller.is(Role.DISTRICT_OFFICER) ? caller.district() : null, null, after);
					}
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			};
			if (write) {
				transaction.executeWithoutResult(status -> second.run());
			}
			else {
				second.run();
			}
		}
		boolean refused = !dryRun && mode == ImportMode.ATOMIC && hasProblems;
		Report report = new Report(fileName, format, summary.encoding(), summary.rows(), valid, invalid, counts[0], counts[1],
				counts[2], counts[3], counts[4], dryRun, mode, refused, List.copyOf(check.problems), check.problemCount,
				List.copyOf(check.warnings), check.warningCount, rejectsFile != null);
		return new Outcome(report, rejectsFile);
	}

	private static Path temporaryFile() {
		try {
			return Files.createTempFile("lantu-rejects-", ".csv");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The first pass: checks every row, remembers which are invalid and why rows disagree with each other. */
	private final class Check implements RowHandler {

		final Districts districts;

		final LocalDate today;

		final ImportProgress progress;

		final BitSet invalidRows = new BitSet();

		final UsccKeys seen = new UsccKeys();

		/** Problems a row has because of another row (repeats, disagreements): few, kept for the rejects file. */
		final Map<Integer, List<RowProblem>> crossRow = new HashMap<>();

		final List<RowProblem> problems = new ArrayList<>();

		final List<RowProblem> warnings = new ArrayList<>();

		List<String> header;

		RowCheck rows;

		int problemCount;

		int warningCount;

		int checked;

		final Caller caller;

		Check(Districts districts, LocalDate today, ImportProgress progress, Caller caller) {
			this.caller = caller;
			this.districts = districts;
			this.today = today;
			this.progress = progress;
		}

		@Override
		public void header(List<String> header) {
			this.header = header;
			this.rows = new RowCheck(EnterpriseColumn.parse(header), industries, districts, today);
		}

		@Override
		public void row(Table.Row row, List<RowProblem> readProblems) {
			checked++;
			RowCheck.Checked result = rows.check(row, readProblems);
			result.warnings().forEach(this::warn);
			if (result.record() == null) {
				invalidRows.set(row.number());
				result.errors().forEach(this::problem);
				return;
			}
			EnterpriseRecord record = result.record();
			if (!caller.managesDistrict(record.districtCode())) {
				String name = districts.region(record.districtCode()).map(r -> r.name().zh()).orElse("");
				String mine = districts.region(caller.district()).map(r -> r.name().zh()).orElse("");
				crossRow(row.number(), RowProblem.of(row.number(), rows.header(EnterpriseColumn.DISTRICT), record.districtCode(),
						"registry.district.notManaged", "the enterprise is in district " + record.districtCode() + " " + name
								+ "; a district officer of " + caller.district() + " " + mine
								+ " imports only that district's enterprises",
						record.districtCode() + " " + name, caller.district() + " " + mine));
				return;
			}
			UsccKeys.Seen before = seen.add(record.uscc(), record.year(), record.identityHash(), row.number());
			if (before.firstRow() < 0) {
				return;
			}
			String column = rows.header(EnterpriseColumn.USCC);
			if (before.sameYear()) {
				String year = record.year() == null ? "" : " and year " + record.year();
				crossRow(row.number(), RowProblem.of(row.number(), column, record.uscc(), "row.repeated", "repeats row "
						+ before.firstRow() + " (the same enterprise" + year + "); keep one of them", before.firstRow()));
				if (!invalidRows.get(before.firstRow())) {
					crossRow(before.firstRow(), RowProblem.of(before.firstRow(), column, record.uscc(), "row.repeatedLater",
							"row " + row.number() + " repeats it (the same enterprise" + year + "); keep one of them",
							row.number()));
				}
			}
			else if (!before.sameIdentity()) {
				crossRow(row.number(), RowProblem.of(row.number(), column, record.uscc(), "row.disagrees", "says other things "
						+ "about the enterprise than row " + before.firstRow() + " (name, district, industry code, founding date, "
						+ "status or business scope); give them the same in every row", before.firstRow()));
			}
		}

		private void crossRow(int row, RowProblem problem) {
			invalidRows.set(row);
			crossRow.computeIfAbsent(row, r -> new ArrayList<>()).add(problem);
			problem(problem);
		}

		private void problem(RowProblem problem) {
			if (problems.size() < LISTED) {
				problems.add(problem);
			}
			problemCount++;
		}

		private void warn(RowProblem warning) {
			if (warnings.size() < LISTED) {
				warnings.add(warning);
			}
			warningCount++;
		}

		@Override
		public void progress(long bytesRead, long totalBytes) {
			progress.checking(bytesRead, totalBytes, checked);
		}

	}

	/** The second pass: writes the valid rows in batches and the invalid ones, with their reasons, to the rejects. */
	private final class Write implements RowHandler {

		final Check check;

		final EnterpriseWriter.Batch batch;

		final TableWriter.Sheet rejects;

		final int total;

		final ImportProgress progress;

		/** Enterprises whose first row was rejected, created by a later row: as few as such files have. */
		final java.util.Set<String> createdLate = new java.util.HashSet<>();

		int written;

		Write(Check check, EnterpriseWriter.Batch batch, OutputStream rejects, int total, ImportProgress progress) {
			this.check = check;
			this.batch = batch;
			this.total = total;
			this.progress = progress;
			List<String> header = new ArrayList<>(check.header);
			header.add("错误原因 reason");
			this.rejects = rejects == null ? null : TableWriter.open(TableFormat.CSV, rejects, header);
		}

		@Override
		public void header(List<String> header) {
		}

		@Override
		public void row(Table.Row row, List<RowProblem> readProblems) {
			if (check.invalidRows.get(row.number())) {
				if (rejects != null) {
					List<RowProblem> reasons = new ArrayList<>(check.rows.check(row, readProblems).errors());
					reasons.addAll(check.crossRow.getOrDefault(row.number(), List.of()));
					List<String> cells = new ArrayList<>(check.header.stream().map(h -> row.cells().getOrDefault(h, "")).toList());
					cells.add(String.join("; ", reasons.stream().map(RowProblem::describe).toList()));
					rejects.row(cells);
				}
				return;
			}
			if (batch != null) {
				EnterpriseRecord record = check.rows.check(row, readProblems).record();
				batch.add(record, origin(record.uscc(), row.number()));
				if (++written % 1000 == 0) {
					progress.writing(written, total);
				}
			}
		}

		/**
		 * NEW for an enterprise's first valid row when the registry lacks it, ADDED for its later rows. When
		 * its first row was rejected after the fact (a later row repeated it), the first row written creates it.
		 */
		private EnterpriseWriter.Origin origin(String uscc, int row) {
			UsccKeys.Entry entry = check.seen.find(uscc);
			if (entry.existing()) {
				return EnterpriseWriter.Origin.UNKNOWN;
			}
			if (entry.firstRow() == row) {
				return EnterpriseWriter.Origin.NEW;
			}
			if (check.invalidRows.get(entry.firstRow())) {
				return createdLate.add(uscc) ? EnterpriseWriter.Origin.NEW : EnterpriseWriter.Origin.ADDED;
			}
			return EnterpriseWriter.Origin.ADDED;
		}

		void finish(int[] counts) {
			if (rejects != null) {
				rejects.close();
			}
			if (batch != null) {
				batch.flush();
				progress.writing(written, total);
				counts[0] = batch.count(EnterpriseWriter.Outcome.CREATED);
				counts[1] = batch.count(EnterpriseWriter.Outcome.UPDATED);
				counts[2] = batch.count(EnterpriseWriter.Outcome.UNCHANGED);
				counts[3] = batch.figuresWritten();
				counts[4] = batch.figuresChanged();
			}
		}

	}

}
