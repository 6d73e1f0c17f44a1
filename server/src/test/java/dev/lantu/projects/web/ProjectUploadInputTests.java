package dev.lantu.projects.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.lantu.support.Callers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import dev.lantu.projects.ProjectImport;
import dev.lantu.projects.ProjectService;

/**
 * The project import's file names and size: a name that is a path or holds control characters is refused with 400
 * and imports nothing; a file over the import's 20 MB is 413; a name posted back for the rejects download cannot
 * name a path or add a header.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProjectUploadInputTests {

	static final String VALID = "项目名称,投资方,所属区,阶段,阶段日期\n文件名检查的项目,甲公司,番禺区,签约,2025-02-07\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	ProjectService projects;

	private static MockMultipartFile csv(String name, byte[] content) {
		return new MockMultipartFile("file", name, "text/csv", content);
	}

	private long imported() {
		return projects.search(new dev.lantu.projects.ProjectFilter(null, null, null, null, "文件名检查的项目", null), 0, 1).total();
	}

	@ParameterizedTest
	@ValueSource(strings = { "../../etc/passwd.csv", "..\\..\\x.csv", "/abs/path.csv", "x\u0000.csv",
			"x\r\nX-Injected: 1.csv" })
	void shouldRefuseAnApiUploadNamedLikeAPath(String name) throws Exception {
		mvc.perform(multipart("/api/v1/projects/import").with(Callers.asAdmin()).file(csv(name, VALID.getBytes(StandardCharsets.UTF_8))))
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
		MockHttpServletResponse response = mvc.perform(multipart("/projects/import").with(Callers.asAdmin())
			.file(csv(name, VALID.getBytes(StandardCharsets.UTF_8))).param("actor", "投促局").accept("text/html"))
			.andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("文件名无效");
		assertThat(imported()).isZero();
	}

	@Test
	void shouldRefuseAFileOverTheImportLimitWith413() throws Exception {
		byte[] big = new byte[ProjectImport.MAX_BYTES + 1];
		java.util.Arrays.fill(big, (byte) 'x');
		mvc.perform(multipart("/api/v1/projects/import").with(Callers.asAdmin()).file(csv("big.csv", big)))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("file"))
			.andExpect(jsonPath("$.limit").value(ProjectImport.MAX_BYTES))
			.andExpect(jsonPath("$.detail").value(containsString("at most 20971520 bytes (20 MB)")));
		MockHttpServletResponse page = mvc.perform(multipart("/projects/import").with(Callers.asAdmin()).file(csv("big.csv", big))
			.param("actor", "投促局").accept("text/html")).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(413);
		assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("20 MB");
	}

	@ParameterizedTest
	@ValueSource(strings = { "../../etc/passwd", "..\\..\\x.csv", "/abs/path.csv", "x\u0000.csv",
			"x.csv\r\nSet-Cookie: session=stolen", "\"; filename=evil.sh" })
	void shouldGiveTheRejectsUnderAPlainNameWhateverNameIsPostedBack(String name) throws Exception {
		MockHttpServletResponse file = mvc.perform(post("/projects/import/rejects").with(Callers.asAdmin()).param("csv", "项目名称\n坏行\n")
			.param("file", name)).andReturn().getResponse();
		assertThat(file.getStatus()).isEqualTo(200);
		String disposition = file.getHeader("Content-Disposition");
		assertThat(disposition).startsWith("attachment").endsWith("-rejects.csv")
			.doesNotContain("\r", "\n", "\u0000", "/", "\\", "..", "evil.sh\"");
		assertThat(file.getHeaders("Set-Cookie")).isEmpty();
	}

}
