package dev.lantu.registry.web;

import static dev.lantu.support.Callers.as;
import static dev.lantu.support.Callers.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import dev.lantu.accounts.Caller;
import dev.lantu.registry.ClassificationService;
import dev.lantu.registry.EnterpriseFilter;
import dev.lantu.registry.EnterpriseService;
import dev.lantu.registry.SyntheticRegistryAccess;
import dev.lantu.support.Callers;

/**
 * Who sees and changes what of the registry (docs/accounts.md): lists filtered to the caller, another district's
 * or enterprise's record refused, imports of a district officer kept to their district and audited as theirs,
 * imports seen only by their importer, classification changed only by the administrator.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RegistryAccessTests {

	private static final Random RANDOM = new Random();

	static final String TIANHE = "440106";

	static final String YUEXIU = "440104";

	@Autowired
	MockMvc mvc;

	@Autowired
	EnterpriseService enterprises;

	@Autowired
	ClassificationService classification;

	@Autowired
	JdbcClient jdbc;

	private static String uscc(String district) {
		return SyntheticRegistryAccess.uscc(district, RANDOM);
	}

	private static MockMultipartFile csv(String text) {
		return new MockMultipartFile("file", "权限测试.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
	}

	private static final String HEADER = "统一社会信用代码,企业名称,所属区,行业代码,年度,营业收入（万元）,从业人员\n";

	/** Imports, as the administrator, one Tianhe and one Yuexiu enterprise named with a token; returns their USCCs. */
	private String[] twoDistricts(String token) throws Exception {
		String tianhe = uscc(TIANHE);
		String yuexiu = uscc(YUEXIU);
		mvc.perform(multipart("/api/v1/enterprises/import").file(csv(HEADER + tianhe + "," + token + "天河有限公司,440106,6513,2024,100,5\n"
				+ yuexiu + "," + token + "越秀有限公司,440104,6513,2024,200,6\n")).with(asAdmin()))
			.andExpect(status().isOk());
		return new String[] { tianhe, yuexiu };
	}

	private List<String> listed(Caller caller, String token) throws Exception {
		String body = mvc.perform(get("/api/v1/enterprises").param("q", token).with(as(caller)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		return JsonPath.read(body, "$.enterprises[*].uscc");
	}

	@Test
	void shouldFilterTheListToWhatEachRoleMaySee() throws Exception {
		String token = "权限列表" + RANDOM.nextInt(1_000_000);
		String[] codes = twoDistricts(token);
		assertThat(listed(Callers.admin(), token)).containsExactlyInAnyOrder(codes);
		assertThat(listed(Callers.policyOfficer("广州市天河区"), token)).containsExactlyInAnyOrder(codes);
		assertThat(listed(Callers.district(TIANHE), token)).containsExactly(codes[0]);
		assertThat(listed(Callers.district(YUEXIU), token)).containsExactly(codes[1]);
		assertThat(listed(Callers.enterprise(codes[1]), token)).containsExactly(codes[1]);
		// asking for the other district does not widen the filter
		mvc.perform(get("/api/v1/enterprises").param("q", token).param("district", YUEXIU).with(as(Callers.district(TIANHE))))
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/api/v1/enterprises").param("q", token)).andExpect(status().isUnauthorized());
		mvc.perform(get("/enterprises").param("q", token).with(as(Callers.district(TIANHE)))).andExpect(status().isOk())
			.andExpect(content().string(containsString(codes[0])))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(codes[1]))));
		// the export too, decided in the request's thread
		MvcResult export = mvc.perform(get("/api/v1/enterprises/export").param("format", "csv").param("q", token)
			.with(as(Callers.district(TIANHE)))).andExpect(status().isOk()).andReturn();
		String exported = mvc.perform(asyncDispatch(export)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(exported).contains(codes[0]).doesNotContain(codes[1]);
		mvc.perform(get("/api/v1/enterprises/export").with(as(Callers.policyOfficer("广州市天河区")))).andExpect(status().isForbidden());
	}

	@Test
	void shouldRefuseAnotherDistrictsOrEnterprisesRecordWhoeverGuessesIt() throws Exception {
		String[] codes = twoDistricts("权限详情" + RANDOM.nextInt(1_000_000));
		Caller officer = Callers.district(TIANHE);
		mvc.perform(get("/api/v1/enterprises/{uscc}", codes[0]).with(as(officer))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/enterprises/{uscc}", codes[1]).with(as(officer))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/enterprises/{uscc}/facts", codes[1]).with(as(officer))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/enterprises/{uscc}/tracks", codes[1]).with(as(officer))).andExpect(status().isForbidden());
		mvc.perform(get("/enterprises/{uscc}", codes[1]).with(as(officer))).andExpect(status().isForbidden());
		// an official learns that a USCC is not in the registry; an enterprise learns nothing of others
		mvc.perform(get("/api/v1/enterprises/{uscc}", uscc(TIANHE)).with(as(officer))).andExpect(status().isNotFound());
		Caller enterprise = Callers.enterprise(codes[0]);
		mvc.perform(get("/api/v1/enterprises/{uscc}", codes[0]).with(as(enterprise))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/enterprises/{uscc}", codes[1]).with(as(enterprise))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/enterprises/{uscc}", uscc(TIANHE)).with(as(enterprise))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/enterprises/{uscc}", codes[1]).with(as(Callers.policyOfficer("广州市天河区"))))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/enterprises/{uscc}", codes[0])).andExpect(status().isUnauthorized());
		mvc.perform(get("/enterprises/{uscc}", codes[0]).accept(org.springframework.http.MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection());
		// the services refuse too, whoever calls them
		Callers.run(officer, () -> assertThatThrownBy(() -> enterprises.facts(codes[1], java.time.LocalDate.now()))
			.isInstanceOf(AccessDeniedException.class));
	}

	@Test
	void shouldKeepADistrictOfficersImportToTheirDistrictAndAuditItAsTheirs() throws Exception {
		Caller officer = Callers.district(TIANHE);
		String own = uscc(TIANHE);
		String other = uscc(YUEXIU);
		String file = HEADER + own + ",本区导入有限公司,440106,6513,2024,100,5\n" + other + ",他区导入有限公司,440104,6513,2024,100,5\n";
		long auditsBefore = jdbc.sql("select count(*) from audit_entry where action = 'enterprise.import'").query(Long.class).single();
		// atomic: the other district's row refuses the file, naming the district; nothing is written or audited
		mvc.perform(multipart("/api/v1/enterprises/import").file(csv(file)).with(as(officer)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].reason").value(containsString("440104")))
			.andExpect(jsonPath("$.errors[0].reason").value(containsString("440106")));
		assertThat(exists(own)).isFalse();
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'enterprise.import'").query(Long.class).single())
			.isEqualTo(auditsBefore);
		// skip-invalid: the own row is written, the other is a reject with its reason
		String body = mvc.perform(multipart("/api/v1/enterprises/import").file(csv(file)).param("mode", "skip-invalid")
			.with(as(officer))).andExpect(status().isOk()).andExpect(jsonPath("$.report.created").value(1))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String id = JsonPath.read(body, "$.id");
		assertThat(exists(own)).isTrue();
		assertThat(exists(other)).isFalse();
		String rejects = mvc.perform(get("/api/v1/enterprises/imports/{id}/rejects", id).with(as(officer)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(rejects).contains(other).contains("440104").doesNotContain(own);
		Map<String, Object> entry = jdbc.sql("select actor, actor_role, district_code, before_state, after_state from audit_entry "
				+ "where action = 'enterprise.import' and entity_id = ?").param(id).query().singleRow();
		assertThat(entry.get("actor")).isEqualTo(officer.username());
		assertThat(entry.get("actor_role")).isEqualTo("DISTRICT_OFFICER");
		assertThat(entry.get("district_code")).isEqualTo(TIANHE);
		assertThat(entry.get("before_state")).isNull();
		assertThat((String) entry.get("after_state")).contains("\"file\":\"权限测试.csv\"").contains("\"mode\":\"skip-invalid\"")
			.contains("\"created\":1").contains("\"invalid\":1").contains(id);
		// the import is its importer's and the administrator's: anyone else is told there is none
		mvc.perform(get("/api/v1/enterprises/imports/{id}", id).with(as(officer))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/enterprises/imports/{id}", id).with(asAdmin())).andExpect(status().isOk());
		mvc.perform(get("/api/v1/enterprises/imports/{id}", id).with(as(Callers.district(YUEXIU)))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/enterprises/imports/{id}/rejects", id).with(as(Callers.policyOfficer("广州市天河区"))))
			.andExpect(status().isNotFound());
		mvc.perform(get("/enterprises/import/{id}", id).with(as(Callers.district(YUEXIU)))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/enterprises/imports/{id}", "no-such-import").with(asAdmin())).andExpect(status().isNotFound());
		// neither a policy officer nor an enterprise imports
		mvc.perform(multipart("/api/v1/enterprises/import").file(csv(file)).with(as(Callers.policyOfficer("广州市天河区"))))
			.andExpect(status().isForbidden());
		mvc.perform(multipart("/api/v1/enterprises/import").file(csv(file)).with(as(Callers.enterprise(own))))
			.andExpect(status().isForbidden());
		assertThat(exists(other)).isFalse();
	}

	@Test
	void shouldRunABackgroundImportAsItsStarter() throws Exception {
		Caller officer = Callers.district(TIANHE);
		String own = uscc(TIANHE);
		String other = uscc(YUEXIU);
		String body = mvc.perform(multipart("/api/v1/enterprises/import").file(csv(HEADER + own + ",后台本区有限公司,440106,6513,2024,1,1\n"
				+ other + ",后台他区有限公司,440104,6513,2024,1,1\n")).param("mode", "skip-invalid").param("async", "true")
			.with(as(officer))).andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String id = JsonPath.read(body, "$.id");
		String phase = "";
		for (int i = 0; i < 200 && !phase.equals("DONE") && !phase.equals("FAILED"); i++) {
			Thread.sleep(50);
			phase = JsonPath.read(mvc.perform(get("/api/v1/enterprises/imports/{id}", id).with(as(officer))).andReturn()
				.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.phase");
		}
		assertThat(phase).isEqualTo("DONE");
		assertThat(exists(own)).isTrue();
		assertThat(exists(other)).isFalse(); // the background job checked the rows as the officer, not as the system
		assertThat(jdbc.sql("select actor from audit_entry where action = 'enterprise.import' and entity_id = ?").param(id)
			.query(String.class).single()).isEqualTo(officer.username());
		assertThat(enterprises.get(own).createdBy()).isEqualTo(officer.username());
	}

	@Test
	void shouldLetOnlyTheAdministratorChangeTheClassificationAndAuditIt() throws Exception {
		String rules = classification.applied().map(set -> classification.ruleText(set.id())).orElseThrow();
		long before = classification.ruleSets().size();
		mvc.perform(post("/api/v1/classification/rule-sets").contentType("application/yaml").content(rules)
			.with(as(Callers.district(TIANHE)))).andExpect(status().isForbidden());
		mvc.perform(post("/classification/rule-sets").param("rules", rules).with(as(Callers.policyOfficer("广州市天河区"))))
			.andExpect(status().isForbidden());
		assertThat(classification.ruleSets()).hasSize((int) before);
		mvc.perform(get("/api/v1/classification/rule-sets").with(as(Callers.district(TIANHE)))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/specialisation").with(as(Callers.enterprise(uscc(TIANHE))))).andExpect(status().isForbidden());
		String created = mvc.perform(post("/api/v1/classification/rule-sets").contentType("application/yaml").content(rules)
			.with(asAdmin())).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		long id = ((Number) JsonPath.read(created, "$.ruleSetId")).longValue();
		mvc.perform(post("/api/v1/classification/rule-sets/{id}/discard", id).with(as(Callers.district(TIANHE))))
			.andExpect(status().isForbidden());
		assertThat(classification.ruleSet(id).status().name()).isEqualTo("PENDING");
		mvc.perform(post("/api/v1/classification/rule-sets/{id}/discard", id).with(asAdmin())).andExpect(status().isOk());
		List<Map<String, Object>> entries = jdbc.sql("select action, actor, before_state, after_state from audit_entry where "
				+ "entity_type = 'classification_rule_set' and entity_id = ? order by id").param(String.valueOf(id)).query().listOfRows();
		assertThat(entries).extracting(e -> e.get("action")).containsExactly("classification.propose", "classification.discard");
		assertThat(entries).extracting(e -> e.get("actor")).containsOnly("test-admin");
		assertThat((String) entries.get(1).get("before_state")).contains("\"status\":\"PENDING\"");
		assertThat((String) entries.get(1).get("after_state")).contains("\"status\":\"DISCARDED\"");
	}

	private boolean exists(String uscc) {
		return enterprises.search(new EnterpriseFilter(uscc, null, null, null, null), 0, 1).total() > 0;
	}

}
