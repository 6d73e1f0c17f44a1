package dev.lantu.registry.web;

import static dev.lantu.support.Callers.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import dev.lantu.registry.SyntheticRegistry;
import dev.lantu.registry.SyntheticRegistryAccess;

/** The registry's pages in both languages: search, an enterprise, the import with its report. */
@SpringBootTest
@AutoConfigureMockMvc
class EnterprisePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SyntheticRegistry synthetic;

	private String imported(String name) throws Exception {
		String code = SyntheticRegistryAccess.uscc("440105", new Random());
		mvc.perform(multipart("/api/v1/enterprises/import").file(new MockMultipartFile("file", "a.csv", "text/csv",
				("统一社会信用代码,企业名称,所属区,行业代码,年度,营业收入（万元）,从业人员\n" + code + "," + name + ",440105,6513,2024,100,5\n"
						+ code + "," + name + ",440105,6513,2023,90,5\n").getBytes(StandardCharsets.UTF_8))).with(asAdmin()))
			.andExpect(status().isOk());
		mvc.perform(multipart("/api/v1/enterprises/import").file(new MockMultipartFile("file", "b.csv", "text/csv",
				("统一社会信用代码,企业名称,所属区,年度,营业收入（万元）\n" + code + "," + name + ",440105,2024,120\n")
					.getBytes(StandardCharsets.UTF_8))).with(asAdmin()))
			.andExpect(status().isOk());
		return code;
	}

	@Test
	void shouldListAndFindEnterprisesInTheNavigation() throws Exception {
		String code = imported("页面测试软件有限公司");
		mvc.perform(get("/enterprises").param("q", "页面测试软件").with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("企业库")))
			.andExpect(content().string(containsString("href=\"/enterprises/" + code + "\"")))
			.andExpect(content().string(containsString("120 万元（2024 年）")))
			.andExpect(content().string(containsString("共 1 家企业")));
		mvc.perform(get("/enterprises").param("industry", "XYZ").with(asAdmin())).andExpect(status().isBadRequest());
	}

	@Test
	void shouldShowAnEnterpriseWithFiguresAndHistoryInBothLanguages() throws Exception {
		String code = imported("历史页面有限公司");
		mvc.perform(get("/enterprises/{uscc}", code).with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("历史页面有限公司")))
			.andExpect(content().string(containsString("应用软件开发")))
			.andExpect(content().string(containsString("修改记录")))
			.andExpect(content().string(containsString("2024 年营业收入")))
			.andExpect(content().string(not(containsString("合成数据"))));
		mvc.perform(get("/enterprises/{uscc}", code).param("lang", "en").with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("History of changes")))
			.andExpect(content().string(containsString("Revenue, 2024")));
		mvc.perform(get("/enterprises/{uscc}", "91440106MA59ABCDE0").with(asAdmin())).andExpect(status().isBadRequest());
	}

	@Test
	void shouldLabelSyntheticEnterprises() throws Exception {
		var record = synthetic.generate(1, 4242).get(0);
		mvc.perform(multipart("/api/v1/enterprises/import").file(new MockMultipartFile("file", "s.csv", "text/csv",
				("统一社会信用代码,企业名称,所属区,合成数据\n" + record.uscc() + "," + record.name() + "," + record.districtCode() + ",是\n")
					.getBytes(StandardCharsets.UTF_8))).with(asAdmin()))
			.andExpect(status().isOk());
		mvc.perform(get("/enterprises/{uscc}", record.uscc()).with(asAdmin()))
			.andExpect(content().string(containsString("合成数据")))
			.andExpect(content().string(containsString("本企业是合成数据")));
		mvc.perform(get("/enterprises").param("q", record.uscc()).with(asAdmin()))
			.andExpect(content().string(containsString("badge-synthetic")));
	}

	@Test
	void shouldImportThroughThePageAndShowTheReport() throws Exception {
		mvc.perform(get("/enterprises/import").with(asAdmin())).andExpect(status().isOk())
			.andExpect(content().string(containsString("/api/v1/enterprises/template")));
		String location = mvc.perform(multipart("/enterprises/import").file(new MockMultipartFile("file", "坏.csv", "text/csv",
				"统一社会信用代码,企业名称,所属区\n91440106MA59ABCDE0,坏公司,火星区\n".getBytes(StandardCharsets.UTF_8)))
			.with(asAdmin()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		String page = "";
		for (int i = 0; i < 100 && (page.isEmpty() || page.contains("http-equiv=\"refresh\"")); i++) {
			Thread.sleep(50);
			page = mvc.perform(get(location).with(asAdmin())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		org.assertj.core.api.Assertions.assertThat(page).contains("未导入：文件中有错误").contains("91440106MA59ABCDE0")
			.contains("本市没有代码或名称为“火星区”的区");
		mvc.perform(multipart("/enterprises/import").with(asAdmin())).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请选择要导入的文件")));
	}

}
