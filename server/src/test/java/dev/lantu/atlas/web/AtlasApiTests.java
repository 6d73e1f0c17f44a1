package dev.lantu.atlas.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.lantu.support.TestDataset;

/** The REST API over the bundled Guangzhou dataset, including what the source article states. */
@SpringBootTest
@AutoConfigureMockMvc
class AtlasApiTests {

	@Autowired
	MockMvc mvc;

	@Test
	void shouldListTheElevenDistrictsWithTheirGbt2260Codes() throws Exception {
		mvc.perform(get("/api/v1/districts"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(11)))
			.andExpect(jsonPath("$[?(@.code == '440106')].nameZh").value("天河区"))
			.andExpect(jsonPath("$[?(@.code == '440106')].system.code").value("12126"))
			.andExpect(jsonPath("$[?(@.code == '440115')].system").value(hasItem(nullValue())));
	}

	@Test
	void shouldGiveADistrictWithBoundaryCoverageAndIndicators() throws Exception {
		mvc.perform(get("/api/v1/districts/440106"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.boundary.type").value("Feature"))
			.andExpect(jsonPath("$.boundary.properties.code").value("440106"))
			.andExpect(jsonPath("$.indicators[?(@.indicator == 'gdp' && @.year == 2024)].value").value(6614.7))
			.andExpect(jsonPath("$.coverage[?(@.layerId == 'gz.cluster')].hosted").value(8))
			.andExpect(jsonPath("$.coverage[?(@.layerId == 'gz.cluster')].exact").value(true));
	}

	@Test
	void shouldServeTheBoundariesAsGeoJson() throws Exception {
		mvc.perform(get("/api/v1/districts/boundaries"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/geo+json"))
			.andExpect(jsonPath("$.features", hasSize(11)));
	}

	@Test
	void shouldListTheSystemsInForceAndNoneBeforeTheConferences() throws Exception {
		mvc.perform(get("/api/v1/systems"))
			.andExpect(jsonPath("$", hasSize(9)))
			.andExpect(jsonPath("$[?(@.id == 'gz.city.12218')].declaredTracks").value(29));
		mvc.perform(get("/api/v1/systems").param("date", "2025-02-06"))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].id").value("gz.city.12218"));
		mvc.perform(get("/api/v1/systems/gz.tianhe.12126").param("date", "2025-01-01"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("date"));
	}

	@Test
	void shouldGiveTheCitySystemWithItsSegmentsLayersAndTracks() throws Exception {
		mvc.perform(get("/api/v1/systems/gz.city.12218"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value("12218"))
			.andExpect(jsonPath("$.segments[*].number").value(org.hamcrest.Matchers.contains("1", "2", "21", "8")))
			.andExpect(jsonPath("$.segments[2].layers[0].declaredCount").value(15))
			.andExpect(jsonPath("$.segments[2].layers[0].layers", hasSize(3)))
			.andExpect(jsonPath("$.segments[3].layers[0].declaredCount").value(8))
			.andExpect(jsonPath("$.segments[3].layers[0].tracks", hasSize(2)));
		mvc.perform(get("/api/v1/systems/gz.city.12218/versions")).andExpect(jsonPath("$[0].version").value(1));
	}

	@Test
	void shouldAnswerWhoHostsACityTrack() throws Exception {
		mvc.perform(get("/api/v1/tracks/gz.cluster.ai/hosts"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.hostedBy").value(hasItem("440106")))
			.andExpect(jsonPath("$.unknownIn").value(hasItem("440112")));
		mvc.perform(get("/api/v1/tracks/gz.future.embodied/hosts"))
			.andExpect(jsonPath("$.hostedBy").value(org.hamcrest.Matchers.hasItems("440106", "440112", "440118")));
	}

	@Test
	void shouldCountHuangpusClaimsApartFromKnownHosting() throws Exception {
		// "在……15个战略性产业中，黄埔区占据了8个；6个未来产业更是全部落户黄埔区"
		mvc.perform(get("/api/v1/districts/440112/coverage"))
			.andExpect(jsonPath("$[?(@.layerId == 'gz.cluster')].claimedCount").value(8))
			.andExpect(jsonPath("$[?(@.layerId == 'gz.cluster')].hosted").value(0))
			.andExpect(jsonPath("$[?(@.layerId == 'gz.cluster')].unknown").value(15))
			.andExpect(jsonPath("$[?(@.layerId == 'gz.cluster')].atLeast").value(8))
			.andExpect(jsonPath("$[?(@.layerId == 'gz.future')].hosted").value(6))
			.andExpect(jsonPath("$[?(@.layerId == 'gz.future')].exact").value(true));
	}

	@Test
	void shouldShowAnUnknownDistrictOnTheMapAsUnknownNotZero() throws Exception {
		mvc.perform(get("/api/v1/layout/map"))
			.andExpect(jsonPath("$.segment").value("21"))
			.andExpect(jsonPath("$.districts[?(@.code == '440115')].hosted").value(hasItem(nullValue())))
			.andExpect(jsonPath("$.districts[?(@.code == '440112')].hosted").value(14))
			.andExpect(jsonPath("$.districts[?(@.code == '440106')].hosted").value(12));
	}

	@Test
	void shouldTellHostedNotHostedAndUnknownInTheLayout() throws Exception {
		mvc.perform(get("/api/v1/layout"))
			.andExpect(jsonPath("$.districts", hasSize(11)))
			.andExpect(jsonPath("$.tracks", hasSize(23)))
			.andExpect(jsonPath("$.cells", hasSize(11 * 23)))
			.andExpect(jsonPath("$.cells[?(@.districtCode == '440106' && @.trackId == 'gz.cluster.ai')].hosting").value("HOSTED"))
			.andExpect(jsonPath("$.cells[?(@.districtCode == '440106' && @.trackId == 'gz.cluster.rail')].hosting").value("NOT_HOSTED"))
			.andExpect(jsonPath("$.cells[?(@.districtCode == '440115' && @.trackId == 'gz.cluster.rail')].hosting").value("UNKNOWN"));
	}

	@Test
	void shouldFindOverlapsAndGaps() throws Exception {
		mvc.perform(get("/api/v1/layout/overlaps").param("min", "4"))
			.andExpect(jsonPath("$[*].track.track.id").value(hasItem("gz.cluster.nev")))
			.andExpect(jsonPath("$[*].track.track.id").value(not(hasItem("gz.cluster.rail"))));
		mvc.perform(get("/api/v1/layout/gaps"))
			.andExpect(jsonPath("$[*].track.track.id").value(hasItem("gz.cluster.rail")))
			.andExpect(jsonPath("$[?(@.track.track.id == 'gz.cluster.rail')].certainGap").value(false));
		mvc.perform(get("/api/v1/layout/overlaps").param("min", "0")).andExpect(status().isBadRequest());
	}

	@Test
	void shouldRankDistrictsByGdpWithUnknownValuesLast() throws Exception {
		// "经济总量连续18年位居全市第一"; "白云区……GDP增速居全市第二"
		mvc.perform(get("/api/v1/rankings/gdp").param("year", "2024"))
			.andExpect(jsonPath("$.entries[0].district.code").value("440106"))
			.andExpect(jsonPath("$.entries[0].rank").value(1))
			.andExpect(jsonPath("$.entries[10].rank").value(nullValue()));
		mvc.perform(get("/api/v1/rankings/gdp_growth").param("year", "2024"))
			.andExpect(jsonPath("$.entries[1].district.code").value("440111"));
		mvc.perform(get("/api/v1/rankings/industrial_output"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.year").value(nullValue()))
			.andExpect(jsonPath("$.entries", hasSize(11)))
			.andExpect(jsonPath("$.entries[0].rank").value(nullValue()));
		mvc.perform(get("/api/v1/rankings/gpd"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.field").value("indicator"));
	}

	@Test
	void shouldRankByTheYearMostDistrictsPublishedWhenNoYearIsGiven() throws Exception {
		mvc.perform(get("/api/v1/rankings/gdp"))
			.andExpect(jsonPath("$.year").value(2024))
			.andExpect(jsonPath("$.entries[0].district.code").value("440106"));
	}

	@Test
	void shouldKeepIndicatorValuesAsPublished() throws Exception {
		mvc.perform(get("/api/v1/districts/440115"))
			.andExpect(jsonPath("$.indicators[?(@.indicator == 'gdp' && @.year == 2024)].value").value(hasItem(2301.30)))
			.andExpect(content().string(containsString("2301.30")));
	}

	@Test
	void shouldCountTheCityTracksNotYetNamedInACoverage() throws Exception {
		mvc.perform(get("/api/v1/districts/440106/coverage"))
			.andExpect(jsonPath("$[?(@.layerId == 'gz.service')].hosted").value(2))
			.andExpect(jsonPath("$[?(@.layerId == 'gz.service')].unnamedCityTracks").value(6))
			.andExpect(jsonPath("$[?(@.layerId == 'gz.service')].exact").value(false));
	}

	@Test
	void shouldAnswerAnUnknownDistrictWithAProblemNamingTheField() throws Exception {
		mvc.perform(get("/api/v1/districts/440199"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("district"))
			.andExpect(jsonPath("$.value").value("440199"))
			.andExpect(jsonPath("$.detail").value(containsString("440106")));
	}

	@Test
	void shouldAnswerAMalformedDateWithAProblemNamingTheParameter() throws Exception {
		mvc.perform(get("/api/v1/layout").param("date", "2025-13-40"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("date"))
			.andExpect(jsonPath("$.detail").value(containsString("YYYY-MM-DD")));
	}

	@Test
	void shouldValidateAPostedSystemThatIsConsistent() throws Exception {
		String tianhe = java.nio.file.Files.readString(TestDataset.BUNDLED.resolve("systems/tianhe-12126.yaml"));
		mvc.perform(post("/api/v1/systems/validate").contentType("application/yaml").content(tianhe))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(true))
			.andExpect(jsonPath("$.inconsistent", hasSize(0)))
			.andExpect(jsonPath("$.incomplete[*].expected").value(hasItem(containsString("gz.tianhe.professional"))));
	}

	@Test
	void shouldValidateAPostedSystemAndListEveryProblemWithItsPosition() throws Exception {
		String broken = java.nio.file.Files.readString(TestDataset.BUNDLED.resolve("systems/tianhe-12126.yaml"))
			.replace("code: \"12126\"", "code: \"12127\"")
			.replace("to: [gz.cluster.ai]", "to: [gz.cluster.aii]")
			.replace("region: \"440106\"", "region: \"440199\"");
		mvc.perform(post("/api/v1/systems/validate").contentType("application/yaml").content(broken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.inconsistent", hasSize(3)))
			.andExpect(jsonPath("$.inconsistent[*].position.path").value(hasItem("code")))
			.andExpect(jsonPath("$.inconsistent[*].position.line").value(hasItem(6)))
			.andExpect(jsonPath("$.inconsistent[*].found").value(hasItem(containsString("did you mean 'gz.cluster.ai'"))));
	}

	@Test
	void shouldValidateMalformedYamlAsAProblemNotAnError() throws Exception {
		mvc.perform(post("/api/v1/systems/validate").contentType("application/yaml").content("id: [unclosed"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.inconsistent[0].expected").value("well-formed YAML"));
	}

	@Test
	void shouldAnswerAnEmptyDefinitionWithAProblem() throws Exception {
		mvc.perform(post("/api/v1/systems/validate").contentType("application/yaml").content(""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("expected a system definition")));
	}

	@Test
	void shouldValidateAJsonDefinitionToo() throws Exception {
		String json = """
				{"id": "gz.test.1", "scope": "district", "region": "440105", "name": {"zh": "测试"},
				 "code": "11", "effective": "2025-02-07", "sources": ["S0"], "confidence": "low",
				 "segments": [{"number": "1", "principles": [{"name": {"zh": "原则"}}]},
				              {"number": "1", "layers": [{"id": "gz.test.layer", "name": {"zh": "集群"}, "count": 1,
				                 "tracks": [{"id": "gz.test.ai", "name": {"zh": "人工智能"}, "alignment": {"to": ["gz.cluster.ai"]}}]}]}]}
				""";
		mvc.perform(post("/api/v1/systems/validate").contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(jsonPath("$.valid").value(true))
			.andExpect(jsonPath("$.incomplete", hasSize(0)));
	}

	@Test
	void shouldPublishTheOpenApiDescription() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/layout']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/systems/validate']").exists())
			.andExpect(jsonPath("$.components.securitySchemes.token.scheme").value("bearer"))
			.andExpect(jsonPath("$.security[0].token").exists());
		mvc.perform(get("/actuator/health")).andExpect(jsonPath("$.status").value("UP"));
	}

}
