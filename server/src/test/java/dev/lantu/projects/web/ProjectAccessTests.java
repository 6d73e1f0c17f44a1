package dev.lantu.projects.web;

import static dev.lantu.support.Callers.as;
import static dev.lantu.support.Callers.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import dev.lantu.accounts.AuditEntry;
import dev.lantu.accounts.AuditFilter;
import dev.lantu.accounts.AuditLog;
import dev.lantu.accounts.Caller;
import dev.lantu.projects.DistrictTotal;
import dev.lantu.projects.Project;
import dev.lantu.projects.ProjectDraft;
import dev.lantu.projects.ProjectFilter;
import dev.lantu.projects.ProjectNotFoundException;
import dev.lantu.projects.ProjectService;
import dev.lantu.projects.Stage;
import dev.lantu.projects.TargetService;
import dev.lantu.projects.TargetStatus;
import dev.lantu.support.Callers;

/**
 * Who sees and changes which projects (docs/accounts.md): the administrator all, a district officer their
 * district's (lists and aggregates filtered, another district's project a 404), nobody else any; every write in
 * the audit log; a refused write changes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProjectAccessTests {

	static final String TIANHE = "440106";

	static final String YUEXIU = "440104";

	static final Caller OFFICER = Callers.district(TIANHE);

	@Autowired
	MockMvc mvc;

	@Autowired
	ProjectService projects;

	@Autowired
	TargetService targets;

	@Autowired
	AuditLog auditLog;

	private static ProjectDraft draft(String name, String district) {
		return new ProjectDraft(name, null, "权限测试投资有限公司", district, List.of(), 500_000_000L, null, null, null, null,
				List.of(), false, Stage.SIGNED, LocalDate.of(2025, 2, 7), "签约仪式");
	}

	private static <T> T calling(Caller caller, java.util.function.Supplier<T> work) {
		AtomicReference<T> result = new AtomicReference<>();
		Callers.run(caller, () -> result.set(work.get()));
		return result.get();
	}

	private List<AuditEntry> audit(String entityType, String entityId) {
		return calling(Callers.admin(), () -> auditLog.search(new AuditFilter(null, null, entityType, entityId, null, null,
				null), 0, 100))
			.stream()
			.sorted(Comparator.comparingLong(AuditEntry::id))
			.toList();
	}

	@Test
	void aDistrictOfficersListsAndAggregatesAreTheirDistrictsOnly() throws Exception {
		String tag = "筛选" + System.nanoTime();
		Project own = projects.create(draft(tag + "天河", TIANHE), "system");
		Project other = projects.create(draft(tag + "越秀", YUEXIU), "system");
		ProjectFilter byText = new ProjectFilter(null, null, null, null, tag, null);

		assertThat(calling(OFFICER, () -> projects.search(byText, 0, 50)).projects()).extracting(Project::id)
			.containsExactly(own.id());
		// asking for another district finds nothing, rather than that district's projects
		assertThat(calling(OFFICER, () -> projects.search(new ProjectFilter(YUEXIU, null, null, null, tag, null), 0, 50))
			.total()).isZero();
		assertThat(calling(OFFICER, () -> projects.byDistrict(ProjectFilter.all()))).extracting(DistrictTotal::districtCode)
			.containsExactly(TIANHE);
		assertThat(calling(OFFICER, () -> projects.board(ProjectFilter.all())).stalled())
			.allMatch(s -> s.districtCode().equals(TIANHE));
		assertThat(calling(OFFICER, () -> projects.signings(ProjectFilter.all())))
			.allMatch(t -> t.group().equals(TIANHE));
		// the administrator sees both
		assertThat(calling(Callers.admin(), () -> projects.search(byText, 0, 50)).projects()).extracting(Project::id)
			.containsExactlyInAnyOrder(own.id(), other.id());

		mvc.perform(get("/api/v1/projects").param("q", tag).with(as(OFFICER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.projects[0].id").value(own.id()));
		String csv = mvc.perform(get("/api/v1/projects/export").param("format", "csv").param("q", tag).with(as(OFFICER)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).contains(tag + "天河").doesNotContain(tag + "越秀");
		String board = mvc.perform(get("/projects").param("q", tag).with(as(OFFICER)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(board).contains(tag + "天河").doesNotContain(tag + "越秀");
	}

	@Test
	void anotherDistrictsProjectIsNotFoundAndARefusedWriteChangesNothing() throws Exception {
		Project other = projects.create(draft("他区项目" + System.nanoTime(), YUEXIU), "system");
		mvc.perform(get("/api/v1/projects/{id}", other.id()).with(as(OFFICER))).andExpect(status().isNotFound());
		mvc.perform(get("/projects/{id}", other.id()).with(as(OFFICER))).andExpect(status().isNotFound());
		mvc.perform(put("/api/v1/projects/{id}", other.id()).with(as(OFFICER)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": 1, \"project\": {\"name\": \"被改名\", \"investorName\": \"某公司\"}}"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/projects/{id}/stages", other.id()).with(as(OFFICER))
			.contentType(MediaType.APPLICATION_JSON).content("{\"version\": 1, \"to\": \"REGISTERED\", \"date\": \"2025-03-01\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(put("/api/v1/projects/{id}/investments/2025", other.id()).with(as(OFFICER))
			.contentType(MediaType.APPLICATION_JSON).content("{\"version\": 1, \"amountFen\": 100}"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/projects/{id}/stages", other.id()).with(as(OFFICER)).param("version", "1")
			.param("to", "REGISTERED").param("date", "2025-03-01"))
			.andExpect(status().isNotFound());
		// as for an id that does not exist
		mvc.perform(get("/api/v1/projects/{id}", Long.MAX_VALUE).with(as(OFFICER))).andExpect(status().isNotFound());

		Project after = projects.get(other.id());
		assertThat(after.version()).isEqualTo(1);
		assertThat(after.name()).isEqualTo(other.name());
		assertThat(after.stage()).isEqualTo(Stage.SIGNED);
		assertThat(projects.investments(other.id())).isEmpty();
		assertThat(audit("project", String.valueOf(other.id()))).extracting(AuditEntry::action)
			.containsExactly("project.create");
		// nor may the officer register a project in another district
		mvc.perform(post("/api/v1/projects").with(as(OFFICER)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"越界登记\", \"investorName\": \"某公司\", \"districtCode\": \"440104\","
					+ " \"stage\": \"SIGNED\", \"stageDate\": \"2025-02-07\"}"))
			.andExpect(status().isForbidden());
		assertThat(calling(Callers.admin(), () -> projects.search(new ProjectFilter(null, null, null, null, "越界登记", null),
				0, 10)).total()).isZero();
	}

	@Test
	void policyOfficersAndEnterprisesHaveNoProjectsAndVisitorsAreAskedToSignIn() throws Exception {
		Project own = projects.create(draft("无权查看" + System.nanoTime(), TIANHE), "system");
		for (Caller outsider : List.of(Callers.policyOfficer("广州市天河区"), Callers.enterprise("91440106MA59C8XG0U"))) {
			mvc.perform(get("/api/v1/projects").with(as(outsider))).andExpect(status().isForbidden());
			mvc.perform(get("/api/v1/projects/board").with(as(outsider))).andExpect(status().isForbidden());
			mvc.perform(get("/api/v1/projects/{id}", own.id()).with(as(outsider))).andExpect(status().isNotFound());
			mvc.perform(get("/projects").with(as(outsider))).andExpect(status().isForbidden());
			mvc.perform(get("/districts/{code}/profile", TIANHE).with(as(outsider))).andExpect(status().isForbidden());
			assertThatThrownBy(() -> Callers.run(outsider, () -> projects.search(ProjectFilter.all(), 0, 10)))
				.isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> Callers.run(outsider, () -> projects.get(own.id())))
				.isInstanceOf(ProjectNotFoundException.class);
		}
		mvc.perform(get("/api/v1/projects/{id}", own.id()).with(Callers.anonymous()))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/projects/{id}", own.id()).accept(MediaType.TEXT_HTML).with(Callers.anonymous()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
		mvc.perform(get("/districts/{code}/profile", YUEXIU).with(as(OFFICER))).andExpect(status().isForbidden());
		mvc.perform(get("/districts/{code}/profile", TIANHE).with(as(OFFICER))).andExpect(status().isOk());
	}

	@Test
	void aDistrictOfficerSeesTheirDistrictsTargetsAndOtherOfficialsAll() throws Exception {
		assertThat(calling(OFFICER, () -> targets.all(null))).isNotEmpty()
			.allMatch(t -> t.target().regionCode().equals(TIANHE));
		List<TargetStatus> all = calling(Callers.policyOfficer("广州市天河区"), () -> targets.all(null));
		assertThat(all).anyMatch(t -> !t.target().regionCode().equals(TIANHE));
		String elsewhere = all.stream().filter(t -> !t.target().regionCode().equals(TIANHE)).findFirst().orElseThrow()
			.target().id();
		assertThat(calling(OFFICER, () -> targets.one(elsewhere))).isEmpty();
		mvc.perform(get("/api/v1/targets/{id}", elsewhere).with(as(OFFICER))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/targets").with(as(Callers.enterprise("91440106MA59C8XG0U"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/targets").with(Callers.anonymous())).andExpect(status().isUnauthorized());
	}

	@Test
	void everyWriteIsAuditedWithWhoBeforeAndAfter() throws Exception {
		String name = "审计项目" + System.nanoTime();
		String created = mvc.perform(post("/api/v1/projects").with(as(OFFICER)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + name + "\", \"investorName\": \"某公司\", \"districtCode\": \"440106\","
					+ " \"stage\": \"SIGNED\", \"stageDate\": \"2025-02-07\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.createdBy").value(OFFICER.username()))
			.andReturn().getResponse().getContentAsString();
		long id = ((Number) com.jayway.jsonpath.JsonPath.read(created, "$.id")).longValue();
		mvc.perform(put("/api/v1/projects/{id}", id).with(as(OFFICER)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": 1, \"project\": {\"name\": \"" + name + "改\", \"investorName\": \"某公司\"}}"))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/projects/{id}/stages", id).with(as(OFFICER)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": 2, \"to\": \"REGISTERED\", \"date\": \"2025-03-01\", \"evidence\": \"营业执照\"}"))
			.andExpect(status().isOk());
		long latest = projects.history(id).get(1).id();
		mvc.perform(post("/api/v1/projects/{id}/corrections", id).with(as(OFFICER)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": 3, \"event\": " + latest + ", \"reason\": \"登记有误\"}"))
			.andExpect(status().isOk());
		mvc.perform(put("/api/v1/projects/{id}/investments/2025", id).with(asAdmin())
			.contentType(MediaType.APPLICATION_JSON).content("{\"version\": 4, \"amountFen\": 12345}"))
			.andExpect(status().isOk());

		List<AuditEntry> entries = audit("project", String.valueOf(id));
		assertThat(entries).extracting(AuditEntry::action).containsExactly("project.create", "project.update",
				"project.stage", "project.correction", "project.investment");
		assertThat(entries).extracting(AuditEntry::actor).containsExactly(OFFICER.username(), OFFICER.username(),
				OFFICER.username(), OFFICER.username(), "test-admin");
		assertThat(entries).allMatch(r -> TIANHE.equals(r.district()));
		assertThat(entries.get(0).before()).isNull();
		assertThat(entries.get(0).after()).contains(name);
		assertThat(entries.get(1).before()).contains("\"name\":\"" + name + "\"");
		assertThat(entries.get(1).after()).contains(name + "改");
		assertThat(entries.get(2).before()).contains("\"stage\":\"SIGNED\"");
		assertThat(entries.get(2).after()).contains("\"stage\":\"REGISTERED\"", "营业执照");
		assertThat(entries.get(3).after()).contains("\"stage\":\"SIGNED\"", "登记有误");
		assertThat(entries.get(4).before()).contains("\"amountFen\":null");
		assertThat(entries.get(4).after()).contains("\"amountFen\":12345");
	}

	@Test
	void aDistrictOfficersImportRefusesRowsOfAnotherDistrictNamingItAndIsOneAuditEntry() throws Exception {
		String tag = "导入" + System.nanoTime();
		String file = "项目名称,投资方,所属区,阶段,阶段日期\n" + tag + "甲,某公司,440106,签约,2025-02-07\n" + tag
				+ "乙,某公司,越秀区,签约,2025-02-07\n";
		MockMultipartFile csv = new MockMultipartFile("file", "mixed-districts.csv", "text/csv",
				file.getBytes(StandardCharsets.UTF_8));
		// all or nothing: the other district's row keeps the whole file out
		mvc.perform(multipart("/api/v1/projects/import").file(csv).with(as(OFFICER)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.problems", Matchers.hasSize(1)))
			.andExpect(jsonPath("$.problems[0].row").value(3))
			.andExpect(jsonPath("$.problems[0].code").value("projects.import.notYourDistrict"))
			.andExpect(jsonPath("$.problems[0].reason").value(Matchers.containsString("440104")))
			.andExpect(jsonPath("$.created").value(0));
		ProjectFilter byText = new ProjectFilter(null, null, null, null, tag, null);
		assertThat(calling(Callers.admin(), () -> projects.search(byText, 0, 10)).total()).isZero();

		String report = mvc.perform(multipart("/api/v1/projects/import").file(csv).param("mode", "skip-invalid")
			.with(as(OFFICER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(1))
			.andReturn().getResponse().getContentAsString();
		String importId = com.jayway.jsonpath.JsonPath.read(report, "$.importId");
		assertThat(calling(Callers.admin(), () -> projects.search(byText, 0, 10)).projects()).extracting(Project::districtCode)
			.containsExactly(TIANHE);
		List<AuditEntry> entries = audit("project-import", importId);
		assertThat(entries).singleElement().satisfies(entry -> {
			assertThat(entry.action()).isEqualTo("project.import");
			assertThat(entry.actor()).isEqualTo(OFFICER.username());
			assertThat(entry.after()).contains("mixed-districts.csv", "\"mode\":\"SKIP_INVALID\"",
					"\"created\":1", "\"rejected\":1");
		});
		long projectId = calling(Callers.admin(), () -> projects.search(byText, 0, 10)).projects().get(0).id();
		// one entry for the import, none per row
		assertThat(audit("project", String.valueOf(projectId))).isEmpty();

		// the page says why, in the reader's language
		String page = mvc.perform(multipart("/projects/import").file(csv).with(as(OFFICER)))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("您只能导入本区（440106）的项目").doesNotContain("name=\"actor\"");
	}

}
