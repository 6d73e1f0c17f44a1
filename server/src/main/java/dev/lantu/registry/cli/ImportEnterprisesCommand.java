package dev.lantu.registry.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import dev.lantu.registry.EnterpriseImport;
import dev.lantu.registry.ImportProgress;
import dev.lantu.registry.ImportRefusedException;
import dev.lantu.tables.ImportMode;
import dev.lantu.tables.RowProblem;
import dev.lantu.tables.TableException;
import dev.lantu.tables.TableFormat;
import dev.lantu.tables.TableSource;

/**
 * {@code java -jar lantu-server.jar import-enterprises FILE [--mode atomic|skip-invalid] [--dry-run]
 * [--actor NAME] [--rejects OUT.csv]}: imports a registry sheet into the configured database with a
 * progress bar on standard error, then prints the report. Exit code 0 when the file imported (or a dry
 * run found nothing wrong), 1 when it had problems, 2 when it could not be read.
 */
@Component
@ConditionalOnProperty(name = "lantu.command", havingValue = "import-enterprises")
class ImportEnterprisesCommand implements ApplicationRunner, ExitCodeGenerator {

	/** Problems printed; the rejects file (skip-invalid) has every one. */
	private static final int PRINTED = 30;

	private final EnterpriseImport imports;

	private final String file;

	private final String mode;

	private final boolean dryRun;

	private final String actor;

	private final String rejects;

	private final PrintStream out = System.out;

	private final PrintStream err = System.err;

	private int exitCode;

	ImportEnterprisesCommand(EnterpriseImport imports, @Value("${lantu.import.file}") String file,
			@Value("${lantu.import.mode:atomic}") String mode, @Value("${lantu.import.dry-run:false}") boolean dryRun,
			@Value("${lantu.import.actor:${user.name:cli}}") String actor, @Value("${lantu.import.rejects:}") String rejects) {
		this.imports = imports;
		this.file = file;
		this.mode = mode;
		this.dryRun = dryRun;
		this.actor = actor;
		this.rejects = rejects;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		Path path = Path.of(file);
		TableFormat format = TableFormat.ofFileName(path.getFileName().toString()).orElse(null);
		ImportMode parsedMode = ImportMode.parse(mode).orElse(null);
		if (!Files.isRegularFile(path) || format == null || parsedMode == null) {
			err.println(!Files.isRegularFile(path) ? "no such file: " + path
					: format == null ? path + ": expected a .csv or .xlsx file" : "--mode: expected atomic or skip-invalid, found " + mode);
			exitCode = 2;
			return;
		}
		ImportProgress progress = new ImportProgress();
		AtomicBoolean running = new AtomicBoolean(true);
		Thread bar = new Thread(() -> {
			while (running.get()) {
				err.print("\r" + bar(progress));
				try {
					Thread.sleep(200);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		}, "progress-bar");
		bar.setDaemon(true);
		bar.start();
		EnterpriseImport.Outcome outcome;
		try {
			outcome = imports.importFile(TableSource.of(path), path.getFileName().toString(), format, parsedMode, dryRun,
					actor, progress);
		}
		catch (ImportRefusedException e) {
			stop(running, bar, progress);
			err.println("refused, nothing imported: the header of " + path.getFileName());
			e.problems().forEach(p -> err.println("  " + describe(p)));
			exitCode = 1;
			return;
		}
		catch (TableException e) {
			stop(running, bar, progress);
			err.println("unreadable, nothing imported: " + e.getMessage());
			exitCode = 2;
			return;
		}
		stop(running, bar, progress);
		print(outcome.report());
		if (outcome.rejects() != null) {
			Path target = rejects.isBlank() ? path.resolveSibling(path.getFileName().toString().replaceAll("\\.[^.]*$", "")
					+ "-rejects.csv") : Path.of(rejects);
			Files.move(outcome.rejects(), target, StandardCopyOption.REPLACE_EXISTING);
			out.println("rejects with reasons: " + target);
		}
		exitCode = outcome.report().problemCount() > 0 ? 1 : 0;
	}

	private void stop(AtomicBoolean running, Thread bar, ImportProgress progress) throws InterruptedException {
		running.set(false);
		bar.join();
		err.println("\r" + bar(progress));
	}

	static String bar(ImportProgress progress) {
		int width = 30;
		int filled = (int) Math.round(progress.fraction() * width);
		return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "] "
				+ String.format("%3d%% %-8s %,d rows checked, %,d written", Math.round(progress.fraction() * 100),
						progress.phase().name().toLowerCase(), progress.rowsChecked(), progress.rowsWritten());
	}

	private void print(EnterpriseImport.Report report) {
		out.printf("%s: %,d rows, %,d valid, %,d invalid%s%n", report.file(), report.rows(), report.valid(), report.invalid(),
				report.encoding() == null ? "" : " (" + report.encoding() + ")");
		if (report.refused()) {
			out.println("refused: an atomic import writes nothing when a row is invalid (use --mode skip-invalid to import the rest)");
		}
		else if (report.dryRun()) {
			out.println("dry run: checked only, nothing written");
		}
		else {
			out.printf("written: %,d enterprises created, %,d rows updated, %,d unchanged; %,d figures recorded, %,d corrected%n",
					report.created(), report.updated(), report.unchanged(), report.figuresWritten(), report.figuresChanged());
		}
		report.problems().stream().limit(PRINTED).forEach(p -> out.println("error   " + describe(p)));
		if (report.problemCount() > PRINTED) {
			out.printf("… %,d problems in all%n", report.problemCount());
		}
		report.warnings().stream().limit(PRINTED).forEach(p -> out.println("warning " + describe(p)));
		if (report.warningCount() > PRINTED) {
			out.printf("… %,d warnings in all%n", report.warningCount());
		}
	}

	private static String describe(RowProblem p) {
		return "row " + p.row() + (p.column() == null ? "" : ", " + p.column()) + (p.value() == null ? "" : " '" + p.value() + "'")
				+ ": " + p.reason();
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}
