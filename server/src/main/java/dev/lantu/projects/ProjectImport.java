package dev.lantu.projects;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.lantu.accounts.Access;
import dev.lantu.accounts.AuditLog;
import dev.lantu.atlas.AtlasService;
import dev.lantu.atlas.Region;
import dev.lantu.tables.ImportMode;
import dev.lantu.tables.MoneyUnit;
import dev.lantu.tables.RowProblem;
import dev.lantu.tables.Table;
import dev.lantu.tables.TableFormat;
import dev.lantu.tables.TableReader;
import dev.lantu.tables.TableWriter;

/**
 * Imports a batch of projects, e.g. the signings of a conference, from CSV or XLSX. A row without 编号
 * registers a new project; a row with the 编号 of an existing one moves it to the row's stage on the row's
 * date (the projects a conference starts), and leaves it as it is when it is at that stage already. Every
 * row is checked first. By default the import is atomic: one invalid row and nothing is imported. On request the valid
 * rows import and the rejects come back as a file with the reasons. A dry run only checks.
 * <p>
 * The administrator imports projects of any district, a district officer their district's: a row of another
 * district is refused with a reason naming it, like any other invalid row (and a 编号 of a project the officer may
 * not see is unknown to them). An import that changes anything is one entry of the audit log.
 */
@Service
public class ProjectImport {

	/** Conference batches are tens or hundreds of rows; a larger file is refused before it is read. */
	public static final int MAX_BYTES = 20 * 1024 * 1024;

	public static final int MAX_ROWS = 50_000;

	private final ProjectService projects;

	private final AtlasService atlas;

	private final TransactionTemplate transaction;

	private final AuditLog audit;

	ProjectImport(ProjectService projects, AtlasService atlas, TransactionTemplate transaction, AuditLog audit) {
		this.projects = projects;
		this.atlas = atlas;
		this.transaction = transaction;
		this.audit = audit;
	}

	/**
	 * What an import did: the rows read, how many were valid and imported, every problem, and with
	 * {@link ImportMode#SKIP_INVALID} the rejected rows as a CSV file with a reason column.
	 */
	public record Report(String file, int rows, int valid, int created, int moved, boolean dryRun, ImportMode mode,
			List<RowProblem> problems, List<Long> projectIds, String rejectsCsv, String importId) {
	}

	/** What one valid row does. */
	private sealed interface RowAction permits Create, Move {
	}

	private record Create(ProjectDraft draft) implements RowAction {
	}

	/** {@code to} null: the project is at the row's stage already. */
	private record Move(long id, Stage to, LocalDate date, String evidence) implements RowAction {
	}

	public Report importFile(byte[] content, String fileName, TableFormat format, ImportMode mode, boolean dryRun,
			String actor) {
		String scope = ProjectService.scope("import projects");
		if (content.length > MAX_BYTES) {
			throw new ProjectInputException(List.of(new FieldProblem("file", fileName,
					"the file is " + content.length + " bytes; an import takes at most " + MAX_BYTES)));
		}
		Table table = TableReader.read(content, format, fileName);
		if (table.rows().size() > MAX_ROWS) {
			throw new ProjectInputException(List.of(new FieldProblem("file", fileName,
					"the file has " + table.rows().size() + " rows; an import takes at most " + MAX_ROWS)));
		}
		Map<String, ProjectColumns.Header> headers = headers(table.header());
		List<RowProblem> problems = new ArrayList<>();
		List<RowAction> actions = new ArrayList<>();
		for (Table.Row row : table.rows()) {
			List<RowProblem> rowProblems = new ArrayList<>();
			ProjectDraft draft = draft(row, headers, rowProblems);
			Long id = id(row, headers, rowProblems);
			RowAction action = null;
			if (id == null) {
				// the service's checks too, so a row reports all its problems at once; a cell that did not
				// parse is reported once, by the parse
				action = create(row, draft, headers, rowProblems);
			}
			else if (rowProblems.isEmpty()) {
				action = move(row, id, draft, headers, rowProblems);
			}
			problems.addAll(rowProblems);
			if (rowProblems.isEmpty()) {
				actions.add(action);
			}
		}
		boolean importNothing = dryRun || (mode == ImportMode.ATOMIC && !problems.isEmpty());
		int created = importNothing ? 0 : (int) actions.stream().filter(a -> a instanceof Create).count();
		int moved = importNothing ? 0 : (int) actions.stream().filter(a -> a instanceof Move m && m.to() != null).count();
		String importId = importNothing || actions.isEmpty() ? null : UUID.randomUUID().toString();
		List<Long> ids = importId == null ? List.of() : transaction.execute(status -> {
			List<Long> applied = actions.stream().map(a -> apply(a, actor)).toList();
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("importId", importId);
			entry.put("file", fileName);
			entry.put("mode", mode.name());
			entry.put("rows", table.rows().size());
			entry.put("valid", actions.size());
			entry.put("rejected", table.rows().size() - actions.size());
			entry.put("created", created);
			entry.put("moved", moved);
			entry.put("projectIds", applied);
			audit.record("project.import", "project-import", importId, scope, null, entry);
			return applied;
		});
		String rejects = mode == ImportMode.SKIP_INVALID && !problems.isEmpty() ? rejects(table, problems) : null;
		return new Report(fileName, table.rows().size(), actions.size(), created, moved, dryRun, mode, problems, ids,
				rejects, importId);
	}

	private long apply(RowAction action, String actor) {
		if (action instanceof Create create) {
			return projects.createUnaudited(create.draft(), actor).id();
		}
		Move move = (Move) action;
		if (move.to() == null) {
			return move.id();
		}
		return projects.advanceUnaudited(move.id(), projects.get(move.id()).version(), move.to(), move.date(),
				move.evidence(), null, actor).id();
	}

	private RowAction create(Table.Row row, ProjectDraft draft, Map<String, ProjectColumns.Header> headers,
			List<RowProblem> problems) {
		java.util.Set<String> unparsed = problems.stream().map(RowProblem::column).collect(java.util.stream.Collectors.toSet());
		for (FieldProblem p : projects.check(draft, true)) {
			String column = columnOf(p.field(), headers);
			if (!unparsed.contains(column)) {
				problems.add(new RowProblem(row.number(), column, p.value(), p.reason(), p.code(), p.args()));
			}
		}
		notYourDistrict(row, draft.districtCode(), headers).ifPresent(problems::add);
		return new Create(draft);
	}

	/** A row of a district the caller may not register projects in (a known district; an unknown one is reported as such). */
	private Optional<RowProblem> notYourDistrict(Table.Row row, String districtCode,
			Map<String, ProjectColumns.Header> headers) {
		if (districtCode == null || ProjectService.mayRegisterIn(districtCode)) {
			return Optional.empty();
		}
		Optional<Region> district = atlas.districts().stream().filter(d -> d.code().equals(districtCode)).findFirst();
		if (district.isEmpty()) {
			return Optional.empty();
		}
		String own = Access.caller().district();
		return Optional.of(RowProblem.of(row.number(), columnOf("districtCode", headers), districtCode,
				"projects.import.notYourDistrict", "the project is in district " + districtCode + " " + district.get().name().zh()
						+ "; you import projects of district " + own + " only",
				districtCode, district.get().name().zh(), own));
	}

	private RowAction move(Table.Row row, long id, ProjectDraft draft, Map<String, ProjectColumns.Header> headers,
			List<RowProblem> problems) {
		Project project;
		try {
			project = projects.get(id);
		}
		catch (ProjectNotFoundException e) {
			problems.add(RowProblem.of(row.number(), columnOf("id", headers), String.valueOf(id), "import.unknownId",
					"no project has this 编号; leave it empty to register a new project", id));
			return null;
		}
		if (draft.stage() == null || draft.stageDate() == null) {
			problems.add(RowProblem.of(row.number(), columnOf(draft.stage() == null ? "stage" : "stageDate", headers),
					null, "import.moveNeedsStage", "a row with a 编号 moves that project: its stage and date are needed"));
			return null;
		}
		if (draft.stage() == project.stage()) {
			return new Move(id, null, draft.stageDate(), null);
		}
		projects.moveRefusal(project, draft.stage(), draft.stageDate())
			.ifPresent(refusal -> problems.add(new RowProblem(row.number(), columnOf("stage", headers),
					draft.stage().zh(), "project " + id + " (" + project.name() + "): " + refusal, refusal.code(), refusal.args())));
		return new Move(id, draft.stage(), draft.stageDate(), draft.evidence());
	}

	private static Long id(Table.Row row, Map<String, ProjectColumns.Header> headers, List<RowProblem> problems) {
		for (Map.Entry<String, ProjectColumns.Header> header : headers.entrySet()) {
			if (header.getValue().column() == ProjectColumns.ID && row.get(header.getKey()) != null) {
				try {
					return Long.valueOf(row.get(header.getKey()));
				}
				catch (NumberFormatException e) {
					problems.add(RowProblem.of(row.number(), header.getKey(), row.get(header.getKey()), "import.badId",
							"expected the number of an existing project, or nothing for a new one"));
				}
			}
		}
		return null;
	}

	private static Map<String, ProjectColumns.Header> headers(List<String> header) {
		Map<String, ProjectColumns.Header> known = new LinkedHashMap<>();
		List<FieldProblem> problems = new ArrayList<>();
		Map<ProjectColumns, String> seen = new EnumMap<>(ProjectColumns.class);
		for (String h : header) {
			if (h.isBlank() || ProjectColumns.EXPORT_ONLY.contains(h.strip())) {
				continue;
			}
			Optional<ProjectColumns.Header> parsed = ProjectColumns.parse(h);
			if (parsed.isEmpty()) {
				String hint = h.startsWith(ProjectColumns.PLANNED_INVESTMENT.zh) ? "; money columns name their unit: "
						+ ProjectColumns.moneyHeaders(ProjectColumns.PLANNED_INVESTMENT) : "";
				problems.add(new FieldProblem("header", h, "unknown column; expected one of the template's columns" + hint));
				continue;
			}
			String before = seen.put(parsed.get().column(), h);
			if (before != null) {
				problems.add(new FieldProblem("header", h, "the same column as '" + before + "'"));
			}
			known.put(h, parsed.get());
		}
		for (ProjectColumns required : List.of(ProjectColumns.NAME, ProjectColumns.INVESTOR, ProjectColumns.DISTRICT,
				ProjectColumns.STAGE, ProjectColumns.STAGE_DATE)) {
			if (!seen.containsKey(required)) {
				problems.add(new FieldProblem("header", null, "a column " + required.zh + " (" + required.en + ") is needed"));
			}
		}
		if (!problems.isEmpty()) {
			throw new ProjectInputException(problems);
		}
		return known;
	}

	private ProjectDraft draft(Table.Row row, Map<String, ProjectColumns.Header> headers, List<RowProblem> problems) {
		Map<ProjectColumns, String> values = new EnumMap<>(ProjectColumns.class);
		Map<ProjectColumns, String> headerOf = new EnumMap<>(ProjectColumns.class);
		Map<ProjectColumns, MoneyUnit> units = new EnumMap<>(ProjectColumns.class);
		headers.forEach((header, parsed) -> {
			headerOf.put(parsed.column(), header);
			if (parsed.unit() != null) {
				units.put(parsed.column(), parsed.unit());
			}
			String value = row.get(header);
			if (value != null) {
				values.put(parsed.column(), value);
			}
		});
		String district = district(values.get(ProjectColumns.DISTRICT));
		List<String> tracks = values.containsKey(ProjectColumns.TRACKS)
				? List.of(values.get(ProjectColumns.TRACKS).split("[;；、,，\\s]+")).stream().filter(s -> !s.isBlank()).toList()
				: List.of();
		Long planned = money(row, headerOf, units, values, ProjectColumns.PLANNED_INVESTMENT, problems);
		Long output = money(row, headerOf, units, values, ProjectColumns.EXPECTED_OUTPUT, problems);
		Integer jobs = null;
		if (values.containsKey(ProjectColumns.EXPECTED_JOBS)) {
			try {
				jobs = Integer.valueOf(values.get(ProjectColumns.EXPECTED_JOBS));
			}
			catch (NumberFormatException e) {
				problems.add(RowProblem.of(row.number(), headerOf.get(ProjectColumns.EXPECTED_JOBS),
						values.get(ProjectColumns.EXPECTED_JOBS), "import.jobs", "expected a whole number of jobs"));
			}
		}
		Stage stage = null;
		if (values.containsKey(ProjectColumns.STAGE)) {
			stage = Stage.parse(values.get(ProjectColumns.STAGE)).orElse(null);
			if (stage == null) {
				problems.add(RowProblem.of(row.number(), headerOf.get(ProjectColumns.STAGE), values.get(ProjectColumns.STAGE),
						"import.stage", "expected a stage: 洽谈, 签约, 注册, 动工, 竣工, 投产 or 达产 (or NEGOTIATING … AT_CAPACITY)"));
			}
		}
		LocalDate stageDate = date(row, headerOf, values, ProjectColumns.STAGE_DATE, problems);
		LocalDate sourceDate = date(row, headerOf, values, ProjectColumns.SOURCE_DATE, problems);
		String sourceTitle = values.get(ProjectColumns.SOURCE);
		String sourceUrl = values.get(ProjectColumns.SOURCE_URL);
		Project.Source source = sourceTitle == null && sourceDate == null && sourceUrl == null ? null
				: new Project.Source(sourceTitle, sourceDate, sourceUrl);
		String synthetic = values.get(ProjectColumns.SYNTHETIC);
		boolean isSynthetic = synthetic != null && List.of("true", "yes", "是", "1").contains(synthetic.toLowerCase());
		return new ProjectDraft(values.get(ProjectColumns.NAME), values.get(ProjectColumns.USCC),
				values.get(ProjectColumns.INVESTOR), district, tracks, planned, output, jobs, values.get(ProjectColumns.SITE),
				source, List.of(), isSynthetic, stage, stageDate, values.get(ProjectColumns.EVIDENCE));
	}

	/** A district by GB/T 2260 code or by its Chinese or English name; unknown text is kept for the check to name. */
	private String district(String text) {
		if (text == null) {
			return null;
		}
		return atlas.districts().stream()
			.filter(d -> d.code().equals(text) || d.name().zh().equals(text)
					|| (d.name().en() != null && d.name().en().equalsIgnoreCase(text)))
			.map(Region::code)
			.findFirst()
			.orElse(text);
	}

	private static Long money(Table.Row row, Map<ProjectColumns, String> headerOf, Map<ProjectColumns, MoneyUnit> units,
			Map<ProjectColumns, String> values, ProjectColumns column, List<RowProblem> problems) {
		String text = values.get(column);
		if (text == null) {
			return null;
		}
		try {
			return units.get(column).toFen(text);
		}
		catch (ArithmeticException e) {
			problems.add(RowProblem.of(row.number(), headerOf.get(column), text, "amount.subFen", "finer than one fen"));
			return null;
		}
		catch (NumberFormatException e) {
			problems.add(RowProblem.of(row.number(), headerOf.get(column), text, "import.amount",
					"expected an amount in " + units.get(column).zh() + ", e.g. 12500.5", units.get(column).zh()));
			return null;
		}
	}

	private static LocalDate date(Table.Row row, Map<ProjectColumns, String> headerOf, Map<ProjectColumns, String> values,
			ProjectColumns column, List<RowProblem> problems) {
		String text = values.get(column);
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text.replace('/', '-').replace('.', '-'));
		}
		catch (DateTimeParseException e) {
			problems.add(RowProblem.of(row.number(), headerOf.get(column), text, "import.date", "expected a date as YYYY-MM-DD"));
			return null;
		}
	}

	/** The draft's field names as the sheet's columns, so a problem points at what the user sees. */
	private static String columnOf(String field, Map<String, ProjectColumns.Header> headers) {
		ProjectColumns column = switch (field.replaceAll("\\[.*", "")) {
			case "id" -> ProjectColumns.ID;
			case "name" -> ProjectColumns.NAME;
			case "investorName" -> ProjectColumns.INVESTOR;
			case "investorUscc" -> ProjectColumns.USCC;
			case "districtCode" -> ProjectColumns.DISTRICT;
			case "trackIds" -> ProjectColumns.TRACKS;
			case "plannedInvestmentFen" -> ProjectColumns.PLANNED_INVESTMENT;
			case "expectedOutputFen" -> ProjectColumns.EXPECTED_OUTPUT;
			case "expectedJobs" -> ProjectColumns.EXPECTED_JOBS;
			case "stage" -> ProjectColumns.STAGE;
			case "stageDate" -> ProjectColumns.STAGE_DATE;
			case "source.url" -> ProjectColumns.SOURCE_URL;
			case "source.date" -> ProjectColumns.SOURCE_DATE;
			default -> null;
		};
		return headers.entrySet().stream()
			.filter(e -> e.getValue().column() == column)
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(field);
	}

	private static String rejects(Table table, List<RowProblem> problems) {
		List<String> header = new ArrayList<>(table.header());
		header.add("错误原因 reason");
		List<List<String>> rows = new ArrayList<>();
		for (Table.Row row : table.rows()) {
			List<String> reasons = problems.stream().filter(p -> p.row() == row.number())
				.map(RowProblem::describe)
				.toList();
			if (!reasons.isEmpty()) {
				List<String> cells = new ArrayList<>(table.header().stream().map(h -> row.cells().getOrDefault(h, "")).toList());
				cells.add(String.join("; ", reasons));
				rows.add(cells);
			}
		}
		return new String(TableWriter.write(TableFormat.CSV, header, rows), java.nio.charset.StandardCharsets.UTF_8);
	}

}
