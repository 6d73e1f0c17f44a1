package dev.lantu.registry;

import static dev.lantu.support.Callers.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import dev.lantu.dataset.Confidence;
import dev.lantu.tables.ImportMode;

/**
 * Classification of a registry of the example city (two districts; East's robots track aligns to the city's):
 * the dataset's rules applied to imported enterprises, re-classification previewed before it is applied and
 * applied only when confirmed, the policy fact {@code tracks}, specialisation, and the API's RFC 9457 errors.
 */
@SpringBootTest(properties = "lantu.dataset=src/test/resources/datasets/example-city")
@AutoConfigureMockMvc
class ClassificationTests {

	private static final Random RANDOM = new Random();

	private static final String HEADER = "统一社会信用代码,企业名称,所属区,行业代码,经营范围,年度,营业收入（万元）,从业人员\n";

	@Autowired
	EnterpriseImport imports;

	@Autowired
	EnterpriseService enterprises;

	@Autowired
	ClassificationService classification;

	@Autowired
	SpecialisationService specialisation;

	@Autowired
	MockMvc mvc;

	private void importRows(String rows) {
		EnterpriseImport.Report report = RegistrySheets.run(imports, RegistrySheets.utf8(HEADER + rows), "企业.csv",
				ImportMode.ATOMIC, false).report();
		assertThat(report.problems()).isEmpty();
	}

	private static String row(String uscc, String name, String district, String industry, String scope, long revenueWan,
			long employees) {
		return String.join(",", uscc, name, district, industry, scope, "2024", String.valueOf(revenueWan),
				String.valueOf(employees)) + "\n";
	}

	private List<String> trackIds(String uscc) {
		return classification.tracks(uscc).stream().map(TrackAssignment::trackId).sorted().toList();
	}

	private static String exampleRules() throws IOException {
		return Files.readString(Path.of("src/test/resources/datasets/example-city/classification.yaml"), StandardCharsets.UTF_8);
	}

	@Test
	void shouldClassifyReclassifyOnlyWhenConfirmedAndExplainEveryTrack() throws Exception {
		String foodMaker = ClassifierTests.FOOD_MAKER;
		String toySeller = ClassifierTests.TOY_SELLER;
		String westRobots = SyntheticRegistry.uscc("990102", RANDOM);
		String eastMachines = SyntheticRegistry.uscc("990101", RANDOM);
		String westChips = SyntheticRegistry.uscc("990102", RANDOM);
		importRows(row(foodMaker, "东区食品加工有限公司", "东区", "3491", "", 100, 10)
				+ row(toySeller, "东区机器人玩具有限公司", "东区", "3491", "", 50, 5)
				+ row(westRobots, "西区自动化装备有限公司", "西区", "3491", "", 300, 30)
				+ row(eastMachines, "东区泵阀有限公司", "990101", "3441", "", 200, 20)
				+ row(westChips, "西区咨询有限公司", "西区", "7211", "芯片设计；技术咨询", 80, 8));

		// the dataset's first rules are applied; the catch-up classifies the new enterprises
		ClassificationRuleSet first = classification.applied().orElseThrow();
		assertThat(first.origin()).isEqualTo(ClassificationRuleSet.Origin.DATASET);
		assertThat(classification.stale()).isEqualTo(5);
		assertThat(enterprises.facts(westRobots, LocalDate.now()).fact(EnterpriseFacts.TRACKS)).isEmpty();
		assertThat(classification.classifyStale()).isEqualTo(5);
		assertThat(classification.stale()).isZero();

		// manual over code: the food maker's officer put it in food; the code would have said robots as well
		assertThat(classification.tracks(foodMaker)).containsExactly(
				TrackAssignment.manual("ex.cluster.food", "示例区工信局 李明", "以食品加工为主业，经区工信局实地核查", Confidence.HIGH),
				TrackAssignment.code("ex.cluster.robots", "C3491", Confidence.HIGH),
				// East's system is of low confidence, so is the alignment and every track it brings
				TrackAssignment.aligned("ex.east.robots", "ex.cluster.robots", Confidence.LOW));
		assertThat(trackIds(toySeller)).isEmpty();
		assertThat(trackIds(westRobots)).containsExactly("ex.cluster.robots");
		assertThat(classification.tracks(eastMachines)).containsExactly(
				TrackAssignment.code("ex.cluster.robots", "C34", Confidence.MEDIUM),
				TrackAssignment.aligned("ex.east.robots", "ex.cluster.robots", Confidence.LOW));
		assertThat(classification.tracks(westChips)).containsExactly(
				TrackAssignment.keyword("ex.cluster.chips", "芯片", Confidence.LOW));
		assertThat(enterprises.facts(eastMachines, LocalDate.now()).fact(EnterpriseFacts.TRACKS))
			.contains(java.util.Set.of("ex.cluster.robots", "ex.east.robots"));

		// new rules: industrial robots (C3491) become chips, the food maker's manual decision is withdrawn
		String changed = exampleRules().replace("{code: C3491, tracks: [ex.cluster.robots]", "{code: C3491, tracks: [ex.cluster.chips]")
			.replaceFirst("(?s)  - uscc: 91990101100000016P.*?confidence: high\n", "");
		assertThat(changed).doesNotContain("16P").contains("C3491, tracks: [ex.cluster.chips]");
		ClassificationRuleSet proposed = classification.propose(changed, "测试员");
		assertThat(proposed.status()).isEqualTo(ClassificationRuleSet.Status.PENDING);
		assertThatThrownBy(() -> classification.apply(proposed.id(), "测试员"))
			.isInstanceOf(ClassificationConflictException.class).hasMessageContaining("preview it first");

		var before = classification.summary().byTrack();
		Reclassification preview = classification.preview(proposed.id());
		// nothing changes until it is applied
		assertThat(classification.summary().byTrack()).isEqualTo(before);
		assertThat(trackIds(westRobots)).containsExactly("ex.cluster.robots");
		assertThat(preview.current()).isTrue();
		assertThat(preview.examined()).isGreaterThanOrEqualTo(5);
		ClassificationService.ChangePage moved = classification.changes(proposed.id(), null, 0, 50);
		// the toy seller stays out of robots by the officer's exclusion, but its code now says chips
		assertThat(moved.changes()).extracting(Reclassification.Change::uscc).contains(foodMaker, westRobots, toySeller)
			.doesNotContain(eastMachines, westChips);
		assertThat(moved.changes()).filteredOn(c -> c.uscc().equals(westRobots)).singleElement().satisfies(c -> {
			assertThat(c.removed()).containsExactly("ex.cluster.robots");
			assertThat(c.added()).containsExactly("ex.cluster.chips");
		});
		assertThat(moved.changes()).filteredOn(c -> c.uscc().equals(foodMaker)).singleElement().satisfies(c -> {
			assertThat(c.removed()).containsExactlyInAnyOrder("ex.cluster.food", "ex.cluster.robots", "ex.east.robots");
			assertThat(c.added()).containsExactly("ex.cluster.chips");
		});
		assertThat(preview.flows()).contains(new Reclassification.Flow("ex.cluster.robots", "ex.cluster.chips", 2),
				new Reclassification.Flow("ex.cluster.food", "ex.cluster.chips", 1), new Reclassification.Flow("", "ex.cluster.chips", 1));
		assertThat(preview.tracks()).filteredOn(t -> t.trackId().equals("ex.cluster.chips")).singleElement()
			.satisfies(t -> assertThat(t.gained()).isEqualTo(3));
		assertThat(classification.changes(proposed.id(), "ex.cluster.food", 0, 50).changes())
			.extracting(Reclassification.Change::uscc).containsExactly(foodMaker);

		// the registry changes after the preview: applying is refused until it is previewed again
		importRows(row(SyntheticRegistry.uscc("990102", RANDOM), "西区食品有限公司", "西区", "1491", "", 10, 2));
		assertThat(classification.storedPreview(proposed.id()).orElseThrow().current()).isFalse();
		assertThatThrownBy(() -> classification.apply(proposed.id(), "测试员"))
			.isInstanceOf(ClassificationConflictException.class).hasMessageContaining("preview it again");
		assertThat(trackIds(westRobots)).containsExactly("ex.cluster.robots");

		classification.preview(proposed.id());
		Reclassification applied = classification.apply(proposed.id(), "测试员");
		assertThat(applied.status()).isEqualTo(ClassificationRuleSet.Status.APPLIED);
		assertThat(trackIds(westRobots)).containsExactly("ex.cluster.chips");
		assertThat(trackIds(foodMaker)).containsExactly("ex.cluster.chips");
		assertThat(trackIds(eastMachines)).containsExactly("ex.cluster.robots", "ex.east.robots");
		assertThat(classification.ruleSet(first.id()).status()).isEqualTo(ClassificationRuleSet.Status.SUPERSEDED);
		assertThat(classification.ruleSet(proposed.id()).appliedBy()).isEqualTo("测试员");
		assertThat(classification.stale()).isZero();
		assertThatThrownBy(() -> classification.apply(proposed.id(), "测试员"))
			.isInstanceOf(ClassificationConflictException.class).hasMessageContaining("this one is applied");

		// the specialisation of the two districts follows the stored tracks
		Specialisation byEmployment = specialisation.matrix(Specialisation.Measure.EMPLOYMENT, 2024, StrongTrackRule.DEFAULT);
		assertThat(byEmployment.districts()).extracting(Specialisation.Name::id).containsExactly("990101", "990102");
		assertThat(byEmployment.tracks()).extracting(Specialisation.Name::id)
			.containsExactly("ex.cluster.robots", "ex.cluster.chips", "ex.cluster.food");
		long eastEmployees = byEmployment.districtTotals().get("990101");
		long eastRobots = byEmployment.cell("990101", "ex.cluster.robots").orElseThrow().value();
		long robots = byEmployment.trackTotals().get("ex.cluster.robots");
		assertThat(byEmployment.cell("990101", "ex.cluster.robots").orElseThrow().lq())
			.isCloseTo(((double) eastRobots / eastEmployees) / ((double) robots / byEmployment.total()),
					org.assertj.core.api.Assertions.within(1e-12));
		assertThat(eastRobots).isGreaterThanOrEqualTo(20);
	}

	@Test
	void shouldAnswerTheApiWithTracksAndRfc9457Problems() throws Exception {
		String uscc = SyntheticRegistry.uscc("990102", RANDOM);
		importRows(row(uscc, "西区食品机械有限公司", "西区", "1491", "", 10, 3));
		mvc.perform(post("/api/v1/classification/catch-up").with(asAdmin())).andExpect(status().isOk());
		mvc.perform(get("/api/v1/enterprises/{uscc}/tracks", uscc).with(asAdmin())).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].trackId").value("ex.cluster.food"))
			.andExpect(jsonPath("$[0].kind").value("CODE"))
			.andExpect(jsonPath("$[0].matched").value("C14"))
			.andExpect(jsonPath("$[0].confidence").value("HIGH"));
		mvc.perform(get("/api/v1/enterprises/{uscc}/tracks", SyntheticRegistry.uscc("990102", RANDOM)).with(asAdmin()))
			.andExpect(status().isNotFound()).andExpect(content().contentTypeCompatibleWith("application/problem+json"));

		mvc.perform(post("/api/v1/classification/rule-sets").contentType("application/yaml")
			.content(ClassificationReaderTests.HEAD + "crosswalk:\n  - {code: C3619, tracks: [ex.cluster.robot], confidence: high}\n").with(asAdmin()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.errors[0].file").value("request body"))
			.andExpect(jsonPath("$.errors[0].line").value(4))
			.andExpect(jsonPath("$.errors[0].column").value(12))
			.andExpect(jsonPath("$.errors[0].path").value("crosswalk[0].code"))
			.andExpect(jsonPath("$.errors[1].found", containsString("did you mean 'ex.cluster.robots'?")));
		mvc.perform(post("/api/v1/classification/rule-sets").contentType("application/yaml")
			.content(ClassificationReaderTests.HEAD.replace("X1", "X9") + "crosswalk: []\n").with(asAdmin()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].found", containsString("X9")));
		mvc.perform(post("/api/v1/classification/rule-sets/{id}/apply", 999_999).with(asAdmin())).andExpect(status().isNotFound());

		String created = mvc.perform(post("/api/v1/classification/rule-sets").contentType("application/yaml")
			.content(exampleRules().replace("{code: C14, tracks: [ex.cluster.food]", "{code: C14, tracks: [ex.cluster.chips]")).with(asAdmin()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andExpect(jsonPath("$.current").value(true))
			.andReturn().getResponse().getHeader("Location");
		long id = Long.parseLong(created.replaceAll(".*/rule-sets/(\\d+)/preview", "$1"));
		mvc.perform(get("/api/v1/classification/rule-sets/{id}/changes", id).param("track", "ex.cluster.food").with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.changes[?(@.uscc == '" + uscc + "')].added[0]").value("ex.cluster.chips"));
		mvc.perform(get("/api/v1/classification/rule-sets/{id}/changes", id).param("size", "0").with(asAdmin()))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("size"));
		mvc.perform(post("/api/v1/classification/rule-sets/{id}/discard", id).with(asAdmin())).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DISCARDED"));
		mvc.perform(post("/api/v1/classification/rule-sets/{id}/apply", id).with(asAdmin())).andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.detail", containsString("this one is discarded")));
		mvc.perform(get("/api/v1/enterprises/{uscc}/tracks", uscc).with(asAdmin())).andExpect(jsonPath("$[0].trackId").value("ex.cluster.food"));

		mvc.perform(get("/api/v1/specialisation").param("measure", "employment").param("year", "2024").with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.measure").value("EMPLOYMENT"))
			.andExpect(jsonPath("$.year").value(2024))
			.andExpect(jsonPath("$.cells.length()").value(6));
		mvc.perform(get("/api/v1/specialisation").param("measure", "profit").with(asAdmin()))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("measure"));
		mvc.perform(get("/api/v1/specialisation").param("measure", "revenue").param("year", "1999").with(asAdmin()))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("year"))
			.andExpect(jsonPath("$.detail", containsString("2024")));
		mvc.perform(get("/api/v1/specialisation").param("minShare", "2").with(asAdmin()))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("minShare"));
		mvc.perform(get("/api/v1/specialisation").param("year", "twenty").with(asAdmin()))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("year"));
	}

	@Test
	void shouldShowTracksWithProvenanceTheDifferenceAndTheSpecialisationPages() throws Exception {
		String uscc = SyntheticRegistry.uscc("990101", RANDOM);
		importRows(row(uscc, "东区泵业有限公司", "东区", "3441", "", 40, 6));
		classification.classifyStale();
		mvc.perform(get("/enterprises/{uscc}", uscc).with(asAdmin())).andExpect(status().isOk())
			.andExpect(content().string(containsString("data-track=\"ex.east.robots\"")))
			.andExpect(content().string(containsString("对应市级赛道“机器人”")))
			.andExpect(content().string(containsString("C34")));
		mvc.perform(get("/classification").with(asAdmin())).andExpect(status().isOk())
			.andExpect(content().string(containsString("生效中")));
		mvc.perform(post("/classification/rule-sets").param("rules", ClassificationReaderTests.HEAD + "crosswalk: [{code: C99}]\n").with(asAdmin())).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("crosswalk[0].code")));
		String location = mvc.perform(post("/classification/rule-sets")
			.param("rules", exampleRules().replace("{code: C34, tracks: [ex.cluster.robots]", "{code: C34, tracks: [ex.cluster.food]")).with(asAdmin())).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(location).with(asAdmin())).andExpect(status().isOk())
			.andExpect(content().string(containsString("data-track=\"ex.cluster.food\"")))
			.andExpect(content().string(containsString("东区泵业有限公司")))
			.andExpect(content().string(containsString("确认生效")));
		assertThat(trackIds(uscc)).containsExactly("ex.cluster.robots", "ex.east.robots");
		mvc.perform(post(location + "/discard").with(asAdmin())).andExpect(status().is3xxRedirection());
		mvc.perform(get("/specialisation").param("measure", "employment").with(asAdmin())).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"lq-heatmap\"")))
			.andExpect(content().string(containsString("data-district=\"990101\" data-track=\"ex.cluster.robots\"")));
		mvc.perform(get("/specialisation").param("measure", "wealth").with(asAdmin())).andExpect(status().isBadRequest());
	}

}
