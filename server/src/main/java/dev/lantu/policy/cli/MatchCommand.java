package dev.lantu.policy.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import dev.lantu.engine.policy.Assessment;
import dev.lantu.policy.EvaluationPath;
import dev.lantu.policy.MatchReport;
import dev.lantu.policy.PolicyMatching;
import dev.lantu.policy.PolicyNotFoundException;

/**
 * {@code java -jar lantu-server.jar match POLICY_ID [--year Y] [--date YYYY-MM-DD] [--path batch|sql]
 * [--out FILE.csv]}: every enterprise of the configured database's registry the policy pays or may pay, with a
 * progress bar on standard error, as CSV (UTF-8 with a byte-order mark, so Excel reads the Chinese) in FILE or on
 * standard output. Exit code 0 when it ran, 2 when the arguments are wrong.
 */
@Component
@ConditionalOnProperty(name = "lantu.command", havingValue = "match")
class MatchCommand implements ApplicationRunner, ExitCodeGenerator {

	private final PolicyMatching matching;

	private final String policy;

	private final String year;

	private final String date;

	private final String path;

	private final String out;

	private final PrintStream err = System.err;

	private int exitCode;

	MatchCommand(PolicyMatching matching, @Value("${lantu.match.policy}") String policy,
			@Value("${lantu.match.year:}") String year, @Value("${lantu.match.date:}") String date,
			@Value("${lantu.match.path:batch}") String path, @Value("${lantu.match.out:}") String out) {
		this.matching = matching;
		this.policy = policy;
		this.year = year;
		this.date = date;
		this.path = path;
		this.out = out;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		Integer applicationYear = null;
		LocalDate applicationDate = null;
		EvaluationPath evaluationPath = EvaluationPath.parse(path).orElse(null);
		try {
			applicationYear = year.isBlank() ? null : Integer.valueOf(year.strip());
			applicationDate = date.isBlank() ? null : LocalDate.parse(date.strip());
		}
		catch (NumberFormatException | DateTimeParseException e) {
			err.println(applicationYear == null && !year.isBlank() ? "--year: expected a year such as 2025, found " + year
					: "--date: expected a date as YYYY-MM-DD, found " + date);
			exitCode = 2;
			return;
		}
		if (evaluationPath == null) {
			err.println("--path: expected batch or sql, found " + path);
			exitCode = 2;
			return;
		}
		long total = matching.registrySize();
		AtomicLong done = new AtomicLong();
		AtomicBoolean running = new AtomicBoolean(true);
		Thread bar = new Thread(() -> {
			while (running.get()) {
				err.print("\r" + bar(done.get(), total));
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
		MatchReport report;
		try {
			report = matching.matchAll(policy, applicationYear, applicationDate, evaluationPath, done::set);
		}
		catch (PolicyNotFoundException e) {
			running.set(false);
			bar.join();
			err.println();
			err.println(e.getMessage());
			exitCode = 2;
			return;
		}
		running.set(false);
		bar.join();
		err.println("\r" + bar(total, total));
		if (out.isBlank()) {
			Writer writer = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
			write(report, writer);
			writer.flush();
		}
		else {
			try (Writer writer = Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8)) {
				writer.write('\uFEFF');
				write(report, writer);
			}
		}
		err.printf("%s: %,d enterprises evaluated (%d, %s, %s path); %,d qualify, paid %s in all; %,d undetermined%s%n",
				report.policyId(), report.evaluated(), report.year(), report.date(), report.path().name().toLowerCase(),
				report.eligible(), report.paid().text(), report.undetermined(), out.isBlank() ? "" : "; written to " + out);
	}

	static String bar(long done, long total) {
		int width = 30;
		double fraction = total == 0 ? 1 : Math.min(1, (double) done / total);
		int filled = (int) Math.round(fraction * width);
		return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "] "
				+ String.format("%3d%% %,d of %,d enterprises", Math.round(fraction * 100), done, total);
	}

	/** One row per enterprise: who, where, eligible or undetermined, what it is paid, and each clause. */
	private static void write(MatchReport report, Writer writer) throws java.io.IOException {
		StringBuilder header = new StringBuilder("统一社会信用代码,企业名称,所属区,结果,金额（元）,待定条款若符合（元）,合成数据");
		for (MatchReport.ClauseInfo clause : report.clauses()) {
			header.append(',').append(csv(clause.title() + (clause.proactive() ? "（免申即享）" : "") + "：结果"));
			header.append(',').append(csv(clause.title() + "：金额（元）"));
		}
		writer.write(header.append("\r\n").toString());
		for (MatchReport.Match match : report.matches()) {
			StringBuilder row = new StringBuilder();
			row.append(match.uscc()).append(',').append(csv(match.name())).append(',').append(match.district()).append(',')
				.append(match.eligible() ? "符合" : "待定").append(',').append(yuan(match.paid().fen())).append(',')
				.append(yuan(match.possible().fen())).append(',').append(match.synthetic() ? "是" : "否");
			for (MatchReport.ClauseMatch clause : match.clauses()) {
				row.append(',').append(status(clause.status())).append(',')
					.append(clause.paid() == null ? "" : yuan(clause.paid().fen()));
			}
			writer.write(row.append("\r\n").toString());
		}
	}

	private static String status(Assessment.Status status) {
		return status == null ? "" : switch (status) {
			case ELIGIBLE -> "符合";
			case NOT_ELIGIBLE -> "不符合";
			case UNDETERMINED -> "待定";
			case FAILED -> "无法计算";
		};
	}

	/** Whole fen as yuan with two decimals, exact. */
	private static String yuan(long fen) {
		return java.math.BigDecimal.valueOf(fen).movePointLeft(2).setScale(2).toPlainString();
	}

	private static String csv(String text) {
		return text.contains(",") || text.contains("\"") || text.contains("\n") ? '"' + text.replace("\"", "\"\"") + '"' : text;
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}
