package dev.lantu.projects;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lantu.accounts.Access;
import dev.lantu.accounts.AuditLog;
import dev.lantu.accounts.Caller;
import dev.lantu.accounts.Role;
import dev.lantu.atlas.AtlasService;
import dev.lantu.atlas.Region;
import dev.lantu.atlas.Track;
import dev.lantu.dataset.DatasetReading;
import dev.lantu.projects.store.ProjectAnalytics;
import dev.lantu.projects.store.ProjectRepository;
import dev.lantu.registry.UnifiedSocialCreditCode;

/**
 * The projects' public API. Every change names the version it was made on and fails with a
 * {@link ProjectConflictException} when someone else changed the project in between; every change
 * records who made it and when; the stage history only grows.
 * <p>
 * Projects are not public (docs/accounts.md): the city administrator sees and changes every project, a
 * district officer their district's; nobody else has any. A project the caller may not see answers
 * {@link ProjectNotFoundException}, as one that does not exist, so ids can't be probed; lists and aggregates are
 * filtered to the caller's district in the SQL. Every change is written to the audit log in its transaction.
 */
@Service
public class ProjectService {

	private final ProjectRepository projects;

	private final ProjectAnalytics analytics;

	private final AtlasService atlas;

	private final AuditLog audit;

	private final Clock clock = Clock.systemDefaultZone();

	ProjectService(ProjectRepository projects, ProjectAnalytics analytics, AtlasService atlas, AuditLog audit) {
		this.projects = projects;
		this.analytics = analytics;
		this.atlas = atlas;
		this.audit = audit;
	}

	/** The administrator (or the system) and district officers work with projects; nobody else. */
	static boolean worksWithProjects(Caller caller) {
		return caller.isAdministrator() || caller.is(Role.DISTRICT_OFFICER);
	}

	/**
	 * Refuses a caller who has no project access at all, else the one district the caller's lists and aggregates
	 * are limited to: a district officer's; null for the administrator and the system.
	 */
	static String scope(String what) {
		Caller caller = Access.caller();
		Access.require(worksWithProjects(caller), what);
		return caller.isAdministrator() ? null : caller.district();
	}

	/**
	 * For pages that show no project yet (the forms): refuses a caller without project access, else the one
	 * district the caller works in (a district officer's), null for every district.
	 */
	public String districtScope(String what) {
		return scope(what);
	}

	/** May the caller register projects in this district (their own, or any for the administrator)? */
	public static boolean mayRegisterIn(String districtCode) {
		return Access.caller().managesDistrict(districtCode);
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock);
	}

	/**
	 * A project, if the caller may see it: a visitor is asked to sign in; anyone else who may not see it is told
	 * there is no such project, exactly as for an id that does not exist.
	 */
	public Project get(long id) {
		Caller caller = Access.caller();
		Access.require(caller.isSignedIn() || caller.isAdministrator(), "read projects");
		return projects.find(id)
			.filter(p -> caller.managesDistrict(p.districtCode()))
			.orElseThrow(() -> new ProjectNotFoundException(id));
	}

	public List<ProjectEvent> history(long id) {
		get(id);
		return projects.events(id);
	}

	public List<Investment> investments(long id) {
		get(id);
		return projects.investments(id);
	}

	/** Every change of the project's investment amounts, oldest first. */
	public List<Investment.Change> investmentChanges(long id) {
		get(id);
		return projects.investmentChanges(id);
	}

	public record Page(List<Project> projects, long total, int page, int size) {
	}

	public Page search(ProjectFilter filter, int page, int size) {
		String scope = scope("list projects");
		int bounded = Math.max(1, Math.min(size, 500));
		int from = Math.max(0, page);
		return new Page(projects.search(filter, scope, bounded, from * bounded), projects.count(filter, scope), from,
				bounded);
	}

	/** Checks a draft against the atlas and the rules of a project; returns every problem, or none. */
	public List<FieldProblem> check(ProjectDraft draft, boolean creating) {
		List<FieldProblem> problems = new ArrayList<>();
		if (blank(draft.name())) {
			problems.add(FieldProblem.of("name", draft.name(), "name.missing", "a project needs a name"));
		}
		else if (draft.name().length() > 300) {
			problems.add(FieldProblem.of("name", draft.name().substring(0, 40) + "…", "name.tooLong", "at most 300 characters", 300));
		}
		if (blank(draft.investorName())) {
			problems.add(FieldProblem.of("investorName", draft.investorName(), "investorName.missing",
					"the investor's name is needed, also when it is not registered yet"));
		}
		if (!blank(draft.investorUscc())) {
			UnifiedSocialCreditCode.problem(draft.investorUscc().strip().toUpperCase())
				.ifPresent(p -> problems.add(FieldProblem.of("investorUscc", draft.investorUscc(), "uscc.invalid", p, draft.investorUscc())));
		}
		Set<String> allowedTracks = new HashSet<>();
		if (blank(draft.districtCode())) {
			problems.add(FieldProblem.of("districtCode", draft.districtCode(), "district.missing", "the district (GB/T 2260 code) is needed"));
		}
		else if (atlas.districts().stream().noneMatch(d -> d.code().equals(draft.districtCode()))) {
			problems.add(FieldProblem.of("districtCode", draft.districtCode(), "district.unknown", "expected one of "
					+ atlas.districts().stream().map(d -> d.code() + " " + d.name().zh()).collect(Collectors.joining(", ")),
					draft.districtCode()));
		}
		else {
			atlas.citySystem(null).allTracks().forEach(t -> allowedTracks.add(t.id()));
			atlas.systemOf(draft.districtCode(), null).ifPresent(s -> s.allTracks().forEach(t -> allowedTracks.add(t.id())));
			for (String track : draft.trackIds()) {
				if (!allowedTracks.contains(track)) {
					String suggestion = DatasetReading.suggestion(track, allowedTracks);
					String english = "expected a track of the city system or of the district's system" + suggestion;
					problems.add(suggestion.isEmpty() ? FieldProblem.of("trackIds", track, "track.unknown", english, track)
							: FieldProblem.of("trackIds", track, "track.unknownSuggest", english, track,
									suggestion.replaceAll(".*'(.*)'.*", "$1")));
				}
			}
		}
		nonNegative(problems, "plannedInvestmentFen", draft.plannedInvestmentFen());
		nonNegative(problems, "expectedOutputFen", draft.expectedOutputFen());
		if (draft.expectedJobs() != null && draft.expectedJobs() < 0) {
			problems.add(FieldProblem.of("expectedJobs", draft.expectedJobs().toString(), "jobs.negative", "expected zero or more"));
		}
		if (draft.source() != null) {
			checkUrl(problems, "source.url", draft.source().url());
			if (draft.source().date() != null && draft.source().date().isAfter(today())) {
				problems.add(FieldProblem.of("source.date", draft.source().date().toString(), "date.future", "a source cannot be dated in the future"));
			}
		}
		for (int i = 0; i < draft.documents().size(); i++) {
			Project.Document document = draft.documents().get(i);
			if (blank(document.title())) {
				problems.add(FieldProblem.of("documents[" + i + "].title", document.title(), "document.title", "a document needs a title"));
			}
			if (blank(document.url())) {
				problems.add(FieldProblem.of("documents[" + i + "].url", document.url(), "document.url", "a document needs a link"));
			}
			else {
				checkUrl(problems, "documents[" + i + "].url", document.url());
			}
		}
		if (creating) {
			if (draft.stage() == null) {
				problems.add(FieldProblem.of("stage", null, "stage.missing", "the stage the project is at is needed (e.g. SIGNED / 签约)"));
			}
			else if (draft.stage() == Stage.TERMINATED) {
				problems.add(FieldProblem.of("stage", draft.stage().name(), "stage.startTerminated", "a project cannot start terminated"));
			}
			if (draft.stageDate() == null) {
				problems.add(FieldProblem.of("stageDate", null, "date.missing", "the date of that stage is needed"));
			}
			else if (draft.stageDate().isAfter(today())) {
				problems.add(FieldProblem.of("stageDate", draft.stageDate().toString(), "date.future", "a stage cannot be dated in the future"));
			}
		}
		return problems;
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static void nonNegative(List<FieldProblem> problems, String field, Long fen) {
		if (fen != null && fen < 0) {
			problems.add(FieldProblem.of(field, fen.toString(), "amount.negative", "expected an amount of zero or more (fen)"));
		}
	}

	private static void checkUrl(List<FieldProblem> problems, String field, String url) {
		if (!blank(url) && !(url.startsWith("https://") || url.startsWith("http://"))) {
			problems.add(FieldProblem.of(field, url, "url.invalid", "expected an http:// or https:// link"));
		}
	}

	private static ProjectDraft normalised(ProjectDraft draft) {
		String uscc = blank(draft.investorUscc()) ? null : draft.investorUscc().strip().toUpperCase();
		return new ProjectDraft(draft.name().strip(), uscc, draft.investorName().strip(), draft.districtCode(),
				draft.trackIds(), draft.plannedInvestmentFen(), draft.expectedOutputFen(), draft.expectedJobs(),
				draft.site(), draft.source(), draft.documents(), draft.synthetic(), draft.stage(), draft.stageDate(),
				draft.evidence());
	}

	/** Registers a project at its first stage (often 签约 at a conference). */
	@Transactional
	public Project create(ProjectDraft draft, String actor) {
		Project created = createUnaudited(draft, actor);
		audit.record("project.create", "project", String.valueOf(created.id()), created.districtCode(), null, created);
		return created;
	}

	/** Registers a project without an audit entry of its own: an import records one entry for all its rows. */
	@Transactional
	Project createUnaudited(ProjectDraft draft, String actor) {
		scope("register projects");
		if (!blank(draft.districtCode())) {
			Access.require(mayRegisterIn(draft.districtCode()), "register projects in district " + draft.districtCode());
		}
		List<FieldProblem> problems = check(draft, true);
		if (!problems.isEmpty()) {
			throw new ProjectInputException(problems);
		}
		ProjectDraft clean = normalised(draft);
		OffsetDateTime now = now();
		long id = projects.insert(clean, Boolean.TRUE.equals(clean.synthetic()), actor, now);
		projects.insertEvent(id, ProjectEvent.Kind.TRANSITION, null, clean.stage(), clean.stageDate(), clean.evidence(),
				null, null, actor, now);
		return get(id);
	}

	/** Changes a project's description (not its stage: that is {@link #advance}). */
	@Transactional
	public Project update(long id, int version, ProjectDraft draft, String actor) {
		Project current = get(id);
		ProjectDraft withDistrict = new ProjectDraft(draft.name(), draft.investorUscc(), draft.investorName(),
				current.districtCode(), draft.trackIds(), draft.plannedInvestmentFen(), draft.expectedOutputFen(),
				draft.expectedJobs(), draft.site(), draft.source(), draft.documents(), current.synthetic(), null, null, null);
		if (draft.districtCode() != null && !draft.districtCode().equals(current.districtCode())) {
			throw new ProjectInputException(List.of(FieldProblem.of("districtCode", draft.districtCode(), "district.fixed",
					"a project stays in its district; terminate it and register it where it went")));
		}
		List<FieldProblem> problems = check(withDistrict, false);
		if (!problems.isEmpty()) {
			throw new ProjectInputException(problems);
		}
		requireVersion(current, version);
		if (!projects.updateDescription(id, version, normalised(withDistrict), actor, now())) {
			throw conflict(id, version);
		}
		Project after = get(id);
		audit.record("project.update", "project", String.valueOf(id), current.districtCode(), current, after);
		return after;
	}

	/**
	 * Moves a project to a later stage, or to 终止 (which needs a reason). The date may not be before the
	 * latest entry nor in the future.
	 */
	@Transactional
	public Project advance(long id, int version, Stage to, LocalDate date, String evidence, String reason,
			String actor) {
		Project current = get(id);
		Project after = advanceUnaudited(id, version, to, date, evidence, reason, actor);
		audit.record("project.stage", "project", String.valueOf(id), after.districtCode(),
				stageState(current, null, null, null, null), stageState(after, date, evidence, reason, null));
		return after;
	}

	/** Moves a project without an audit entry of its own: an import records one entry for all its rows. */
	@Transactional
	Project advanceUnaudited(long id, int version, Stage to, LocalDate date, String evidence, String reason,
			String actor) {
		Project current = get(id);
		requireVersion(current, version);
		List<FieldProblem> problems = new ArrayList<>();
		if (to == null) {
			problems.add(FieldProblem.of("to", null, "stage.missing", "the stage to move to is needed"));
		}
		if (date == null) {
			problems.add(FieldProblem.of("date", null, "date.missing", "the date of the move is needed"));
		}
		if (to == Stage.TERMINATED && blank(reason)) {
			problems.add(FieldProblem.of("reason", reason, "reason.terminate", "terminating a project needs a reason"));
		}
		if (!problems.isEmpty()) {
			throw new ProjectInputException(problems);
		}
		moveRefusal(current, to, date).ifPresent(refusal -> {
			throw new StageRefusedException(refusal);
		});
		if (!projects.updateStage(id, version, to, date, actor, now())) {
			throw conflict(id, version);
		}
		projects.insertEvent(id, ProjectEvent.Kind.TRANSITION, current.stage(), to, date, evidence, reason, null, actor,
				now());
		return get(id);
	}

	/**
	 * Undoes the latest stage entry, which was a mistake, with a reason. The entry stays in the history,
	 * marked as corrected; the project returns to the stage before it. To undo an older entry, undo the
	 * later ones first, so the history always reads in order.
	 */
	@Transactional
	public Project correct(long id, int version, long eventId, String reason, String actor) {
		Project current = get(id);
		requireVersion(current, version);
		if (blank(reason)) {
			throw new ProjectInputException(List.of(FieldProblem.of("reason", reason, "reason.correction", "a correction needs a reason")));
		}
		List<ProjectEvent> effective = projects.events(id).stream()
			.filter(e -> e.kind() == ProjectEvent.Kind.TRANSITION && !e.corrected())
			.toList();
		ProjectEvent last = effective.get(effective.size() - 1);
		if (last.id() != eventId) {
			throw new StageRefusedException(Refusal.of("correction.notLatest", "only the latest entry (" + last.id() + ", "
					+ last.toStage().name() + " on " + last.date() + ") can be corrected; correct that one first", last.id(),
					last.toStage().name(), last.date().toString()));
		}
		if (effective.size() == 1) {
			throw new StageRefusedException(Refusal.of("correction.first", "the first entry registers the project and "
					+ "cannot be undone; terminate the project with a reason if it was registered by mistake"));
		}
		ProjectEvent before = effective.get(effective.size() - 2);
		if (!projects.updateStage(id, version, before.toStage(), before.date(), actor, now())) {
			throw conflict(id, version);
		}
		projects.insertEvent(id, ProjectEvent.Kind.CORRECTION, current.stage(), before.toStage(), today(), null, reason,
				eventId, actor, now());
		Project after = get(id);
		audit.record("project.correction", "project", String.valueOf(id), current.districtCode(),
				stageState(current, null, null, null, null), stageState(after, before.date(), null, reason, eventId));
		return after;
	}

	/** Records (or corrects) the fixed-asset investment a project made in a year; earlier amounts stay in the log. */
	@Transactional
	public Project recordInvestment(long id, int version, int year, long amountFen, String note, String actor) {
		Project current = get(id);
		requireVersion(current, version);
		List<FieldProblem> problems = new ArrayList<>();
		if (year < 1978 || year > today().getYear()) {
			problems.add(FieldProblem.of("year", String.valueOf(year), "year.range", "expected a year from 1978 to " + today().getYear(), 1978, today().getYear()));
		}
		if (amountFen < 0) {
			problems.add(FieldProblem.of("amountFen", String.valueOf(amountFen), "amount.negative", "expected an amount of zero or more (fen)"));
		}
		if (!problems.isEmpty()) {
			throw new ProjectInputException(problems);
		}
		Long previous = projects.investments(id).stream().filter(i -> i.year() == year).map(Investment::amountFen)
			.findFirst().orElse(null);
		if (!projects.touch(id, version, actor, now())) {
			throw conflict(id, version);
		}
		projects.saveInvestment(id, year, amountFen, note, actor, now());
		Project after = get(id);
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("version", current.version());
		before.put("year", year);
		before.put("amountFen", previous);
		Map<String, Object> made = new LinkedHashMap<>();
		made.put("version", after.version());
		made.put("year", year);
		made.put("amountFen", amountFen);
		made.put("note", note);
		audit.record("project.investment", "project", String.valueOf(id), current.districtCode(), before, made);
		return after;
	}

	/** A project's stage for the audit log: where it stands, and the entry that moved it there. */
	private static Map<String, Object> stageState(Project project, LocalDate date, String evidence, String reason,
			Long corrects) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("version", project.version());
		state.put("stage", project.stage().name());
		state.put("stageSince", project.stageSince().toString());
		if (date != null) {
			state.put("date", date.toString());
		}
		if (evidence != null) {
			state.put("evidence", evidence);
		}
		if (reason != null) {
			state.put("reason", reason);
		}
		if (corrects != null) {
			state.put("correctsEvent", corrects);
		}
		return state;
	}

	/** Why the project cannot move to {@code to} on {@code date}, or empty when it can. */
	public Optional<Refusal> moveRefusal(Project project, Stage to, LocalDate date) {
		Optional<Refusal> refusal = project.stage().refusalOfMoveTo(to);
		if (refusal.isPresent()) {
			return refusal;
		}
		if (date.isAfter(today())) {
			return Optional.of(Refusal.of("date.moveFuture", "the move to " + to.name() + " is dated " + date
					+ ", in the future", to.name(), date.toString()));
		}
		LocalDate latest = latestEffectiveDate(projects.events(project.id()));
		if (date.isBefore(latest)) {
			return Optional.of(Refusal.of("date.beforeLatest", "the move to " + to.name() + " is dated " + date
					+ ", before the latest entry of the history (" + latest + ")", to.name(), date.toString(),
					latest.toString()));
		}
		return Optional.empty();
	}

	private static LocalDate latestEffectiveDate(List<ProjectEvent> events) {
		return events.stream()
			.filter(e -> e.kind() == ProjectEvent.Kind.TRANSITION && !e.corrected())
			.map(ProjectEvent::date)
			.max(LocalDate::compareTo)
			.orElse(LocalDate.MIN);
	}

	private void requireVersion(Project current, int version) {
		if (current.version() != version) {
			throw new ProjectConflictException(current.id(), version, current.version(), current.updatedBy());
		}
	}

	private ProjectConflictException conflict(long id, int version) {
		Project now = get(id);
		return new ProjectConflictException(id, version, now.version(), now.updatedBy());
	}

	// the pipeline as a whole ---------------------------------------------------------------------

	public PipelineBoard board(ProjectFilter filter) {
		String scope = scope("see the pipeline board");
		return new PipelineBoard(filter, analytics.funnel(filter, scope), analytics.stalled(filter, scope, today(), 200));
	}

	public List<InvestmentTotal> investmentBy(String groupBy, ProjectFilter filter) {
		return analytics.investment(filter, scope("see the projects' investment"), groupBy);
	}

	/** Projects signed per district and year, with their planned investment: derived indicators. */
	public List<InvestmentTotal> signings(ProjectFilter filter) {
		return analytics.signings(filter, scope("see the projects' signings"));
	}

	public List<DistrictTotal> byDistrict(ProjectFilter filter) {
		String scope = scope("see the projects by district");
		List<DistrictTotal> found = analytics.byDistrict(filter, scope);
		// every district the caller may see appears, so the map can tell "no projects" from a district it was not
		// told about; a district officer's is theirs alone
		return atlas.districts().stream().map(Region::code)
			.filter(code -> scope == null || scope.equals(code))
			.map(code -> found.stream().filter(t -> t.districtCode().equals(code)).findFirst()
				.orElse(new DistrictTotal(code, 0, 0, 0, 0)))
			.toList();
	}

	public List<TrackShare> trackShares(ProjectFilter filter, int year) {
		return analytics.trackShares(filter, scope("see the tracks' shares of the signings"), year);
	}

	/** The name of a track of the city or a district system, for lists and exports. */
	public String trackName(String trackId) {
		return atlas.citySystem(null).track(trackId)
			.or(() -> atlas.districts().stream()
				.flatMap(d -> atlas.systemOf(d.code(), null).stream())
				.flatMap(s -> s.track(trackId).stream())
				.findFirst())
			.map(Track::name)
			.map(n -> n.zh())
			.orElse(trackId);
	}

}
