package dev.lantu.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The project service over the Guangzhou atlas on H2: registration, the stage history, investment. */
@SpringBootTest
class ProjectServiceTests {

	static final LocalDate CONFERENCE = LocalDate.of(2025, 2, 7);

	@Autowired
	ProjectService projects;

	static ProjectDraft signedAtTheConference(String name) {
		return new ProjectDraft(name, "91440101190671576K", "广州高新区投资集团有限公司", "440113",
				List.of("gz.cluster.nev", "gz.panyu.nev"), 2_000_000_000_00L, null, 800, "番禺区",
				new Project.Source("番禺区高质量发展大会", CONFERENCE, null), List.of(), false, Stage.SIGNED, CONFERENCE,
				"签约仪式");
	}

	@Test
	void shouldRegisterAProjectWithItsFirstEntry() {
		Project project = projects.create(signedAtTheConference("新能源汽车零部件项目"), "tester");
		assertThat(project.stage()).isEqualTo(Stage.SIGNED);
		assertThat(project.stageSince()).isEqualTo(CONFERENCE);
		assertThat(project.version()).isEqualTo(1);
		assertThat(project.trackIds()).containsExactly("gz.cluster.nev", "gz.panyu.nev");
		assertThat(projects.history(project.id())).singleElement()
			.satisfies(e -> {
				assertThat(e.fromStage()).isNull();
				assertThat(e.toStage()).isEqualTo(Stage.SIGNED);
				assertThat(e.recordedBy()).isEqualTo("tester");
			});
	}

	@Test
	void shouldRefuseAnInvalidDraftWithEveryProblem() {
		ProjectDraft bad = new ProjectDraft(" ", "91440101190671576J", null, "440199", List.of("gz.cluster.aii"), -1L,
				null, -3, null, new Project.Source(null, null, "ftp://x"), List.of(), false, Stage.TERMINATED,
				LocalDate.now().plusDays(3), null);
		assertThatThrownBy(() -> projects.create(bad, "tester"))
			.isInstanceOfSatisfying(ProjectInputException.class, e -> assertThat(e.problems())
				.extracting(FieldProblem::field)
				.contains("name", "investorName", "investorUscc", "districtCode", "plannedInvestmentFen", "expectedJobs",
						"source.url", "stage", "stageDate"));
		ProjectDraft badTrack = new ProjectDraft("x", null, "某投资方", "440113", List.of("gz.cluster.aii"), null, null,
				null, null, null, List.of(), false, Stage.SIGNED, CONFERENCE, null);
		assertThatThrownBy(() -> projects.create(badTrack, "tester"))
			.isInstanceOfSatisfying(ProjectInputException.class, e -> assertThat(e.problems()).singleElement()
				.satisfies(p -> assertThat(p.reason()).contains("did you mean 'gz.cluster.ai'")));
	}

	@Test
	void shouldAdvanceAlongThePipelineAndKeepEveryEntry() {
		Project project = projects.create(signedAtTheConference("advance"), "tester");
		project = projects.advance(project.id(), 1, Stage.REGISTERED, CONFERENCE.plusDays(30), "营业执照", null, "a");
		project = projects.advance(project.id(), 2, Stage.CONSTRUCTION_STARTED, CONFERENCE.plusDays(90), null, null, "b");
		assertThat(project.stage()).isEqualTo(Stage.CONSTRUCTION_STARTED);
		assertThat(project.version()).isEqualTo(3);
		assertThat(project.updatedBy()).isEqualTo("b");
		assertThat(projects.history(project.id())).extracting(ProjectEvent::toStage)
			.containsExactly(Stage.SIGNED, Stage.REGISTERED, Stage.CONSTRUCTION_STARTED);
	}

	@Test
	void shouldRefuseEveryMoveDatedBeforeTheLatestEntryOrInTheFutureFromEveryStage() {
		for (Stage from : Stage.values()) {
			if (from == Stage.TERMINATED) {
				continue;
			}
			for (Stage to : Stage.values()) {
				if (from.refusalOfMoveTo(to).isPresent()) {
					continue;
				}
				String pair = from + " -> " + to;
				ProjectDraft draft = signedAtTheConference("dates " + pair);
				Project project = projects.create(new ProjectDraft(draft.name(), draft.investorUscc(), draft.investorName(),
						draft.districtCode(), draft.trackIds(), draft.plannedInvestmentFen(), null, null, null, null, List.of(),
						false, from, CONFERENCE, null), "tester");
				assertThatThrownBy(() -> projects.advance(project.id(), 1, to, CONFERENCE.minusDays(1), null, "r", "t"))
					.as(pair).isInstanceOf(StageRefusedException.class).hasMessageContaining("before the latest entry");
				assertThatThrownBy(() -> projects.advance(project.id(), 1, to, LocalDate.now().plusDays(1), null, "r", "t"))
					.as(pair).isInstanceOf(StageRefusedException.class).hasMessageContaining("in the future");
				assertThat(projects.advance(project.id(), 1, to, CONFERENCE, null, "r", "t").stage()).as(pair).isEqualTo(to);
			}
		}
	}

	@Test
	void shouldRefuseImpossibleMovesAndChangeNothing() {
		Project project = projects.create(signedAtTheConference("impossible"), "tester");
		projects.advance(project.id(), 1, Stage.COMPLETED, CONFERENCE.plusDays(300), null, null, "t");
		assertThatThrownBy(() -> projects.advance(project.id(), 2, Stage.REGISTERED, CONFERENCE.plusDays(301), null, null, "t"))
			.isInstanceOf(StageRefusedException.class);
		assertThatThrownBy(() -> projects.advance(project.id(), 2, Stage.TERMINATED, CONFERENCE.plusDays(301), null, " ", "t"))
			.isInstanceOf(ProjectInputException.class);
		assertThat(projects.get(project.id()).version()).isEqualTo(2);
		assertThat(projects.history(project.id())).hasSize(2);
	}

	@Test
	void shouldCorrectAMistakenEntryWithoutErasingIt() {
		Project project = projects.create(signedAtTheConference("correct"), "tester");
		projects.advance(project.id(), 1, Stage.IN_PRODUCTION, CONFERENCE.plusDays(10), null, null, "clerk");
		long mistaken = projects.history(project.id()).get(1).id();
		Project corrected = projects.correct(project.id(), 2, mistaken, "entered 投产 instead of 注册", "supervisor");
		assertThat(corrected.stage()).isEqualTo(Stage.SIGNED);
		assertThat(corrected.stageSince()).isEqualTo(CONFERENCE);
		List<ProjectEvent> history = projects.history(project.id());
		assertThat(history).hasSize(3);
		assertThat(history.get(1).corrected()).isTrue();
		assertThat(history.get(2).kind()).isEqualTo(ProjectEvent.Kind.CORRECTION);
		assertThat(history.get(2).correctsEvent()).isEqualTo(mistaken);
		assertThat(history.get(2).reason()).contains("注册");
		// the corrected entry no longer bounds the dates of the next one
		assertThat(projects.advance(project.id(), 3, Stage.REGISTERED, CONFERENCE.plusDays(5), null, null, "clerk").stage())
			.isEqualTo(Stage.REGISTERED);
	}

	@Test
	void shouldCorrectOnlyTheLatestEntryAndNeverTheFirst() {
		Project project = projects.create(signedAtTheConference("correct-rules"), "tester");
		long first = projects.history(project.id()).get(0).id();
		assertThatThrownBy(() -> projects.correct(project.id(), 1, first, "oops", "t"))
			.isInstanceOf(StageRefusedException.class).hasMessageContaining("terminate");
		projects.advance(project.id(), 1, Stage.REGISTERED, CONFERENCE.plusDays(1), null, null, "t");
		projects.advance(project.id(), 2, Stage.CONSTRUCTION_STARTED, CONFERENCE.plusDays(2), null, null, "t");
		long middle = projects.history(project.id()).get(1).id();
		assertThatThrownBy(() -> projects.correct(project.id(), 3, middle, "oops", "t"))
			.isInstanceOf(StageRefusedException.class).hasMessageContaining("only the latest entry");
	}

	@Test
	void shouldRefuseAChangeMadeOnAStaleVersion() {
		Project project = projects.create(signedAtTheConference("stale"), "tester");
		projects.advance(project.id(), 1, Stage.REGISTERED, CONFERENCE.plusDays(1), null, null, "first");
		assertThatThrownBy(() -> projects.advance(project.id(), 1, Stage.CONSTRUCTION_STARTED, CONFERENCE.plusDays(2),
				null, null, "second"))
			.isInstanceOfSatisfying(ProjectConflictException.class, e -> {
				assertThat(e.currentVersion()).isEqualTo(2);
				assertThat(e.getMessage()).contains("changed by first");
			});
	}

	@Test
	void shouldRecordInvestmentAndKeepEarlierAmounts() {
		Project project = projects.create(signedAtTheConference("invest"), "tester");
		projects.recordInvestment(project.id(), 1, 2025, 500_000_000_00L, "一期", "a");
		projects.recordInvestment(project.id(), 2, 2025, 450_000_000_00L, "corrected from the statistics", "b");
		assertThat(projects.investments(project.id())).singleElement()
			.satisfies(i -> assertThat(i.amountFen()).isEqualTo(450_000_000_00L));
		assertThat(projects.investmentChanges(project.id()))
			.extracting(Investment.Change::oldAmountFen, Investment.Change::newAmountFen, Investment.Change::recordedBy)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(null, 500_000_000_00L, "a"),
					org.assertj.core.groups.Tuple.tuple(500_000_000_00L, 450_000_000_00L, "b"));
		assertThatThrownBy(() -> projects.recordInvestment(project.id(), 3, LocalDate.now().getYear() + 1, 1, null, "a"))
			.isInstanceOf(ProjectInputException.class);
		assertThat(projects.investmentBy("district", new ProjectFilter("440113", null, null, null, "invest", null)))
			.singleElement()
			.satisfies(t -> assertThat(t.amountFen()).isEqualTo(450_000_000_00L));
	}

}
