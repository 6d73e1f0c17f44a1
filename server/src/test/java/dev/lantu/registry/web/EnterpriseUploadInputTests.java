package dev.lantu.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import dev.lantu.registry.EnterpriseFilter;
import dev.lantu.registry.EnterpriseService;
import dev.lantu.support.Callers;

/**
 * The enterprise import refuses a file whose name is a path or holds control characters, by the API (400 problem)
 * and by the page (400, the form again with the reason), and imports nothing of it. The name is kept with the job
 * and echoed as the rejects' file name, so it must be plain from the start.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EnterpriseUploadInputTests {

	static final String USCC = "91440101MA5CXXFN1X";

	@Autowired
	MockMvc mvc;

	@Autowired
	EnterpriseService enterprises;

	private static MockMultipartFile csv(String name) {
		return new MockMultipartFile("file", name, "text/csv",
				("统一社会信用代码,企业名称,所属区\n" + USCC + ",文件名检查有限公司,440106\n").getBytes(StandardCharsets.UTF_8));
	}

	private long imported() {
		return enterprises.search(new EnterpriseFilter("文件名检查有限公司", null, null, null, null), 0, 1).total();
	}

	@ParameterizedTest
	@ValueSource(strings = { "../../etc/passwd.csv", "..\\..\\x.csv", "/abs/path.csv", "x\u0000.csv",
			"x\r\nX-Injected: 1.csv" })
	void shouldRefuseAnApiUploadNamedLikeAPath(String name) throws Exception {
		mvc.perform(multipart("/api/v1/enterprises/import").with(Callers.asAdmin()).file(csv(name)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Unsafe file name"))
			.andExpect(jsonPath("$.field").value("file"))
			.andExpect(jsonPath("$.detail").value(containsString("expected a plain file name")));
		assertThat(imported()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "../../etc/passwd.csv", "..\\..\\x.csv", "/abs/path.csv", "x\u0000.csv",
			"x\r\nX-Injected: 1.csv" })
	void shouldRefuseAPageUploadNamedLikeAPath(String name) throws Exception {
		MockHttpServletResponse response = mvc.perform(multipart("/enterprises/import").with(Callers.asAdmin()).file(csv(name))
			.param("actor", "登记员").param("lang", "en").accept("text/html")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("The file name is not accepted");
		assertThat(imported()).isZero();
	}

}
