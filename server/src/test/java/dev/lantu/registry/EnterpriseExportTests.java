package dev.lantu.registry;

import static dev.lantu.registry.RegistrySheets.HAIZHU;
import static dev.lantu.registry.RegistrySheets.TIANHE;
import static dev.lantu.registry.RegistrySheets.run;
import static dev.lantu.registry.RegistrySheets.uscc;
import static dev.lantu.registry.RegistrySheets.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.lantu.tables.ImportMode;
import dev.lantu.tables.TableFormat;

/** Exports carry the import's columns, so an export imports again and changes nothing. */
@SpringBootTest
class EnterpriseExportTests {

	@Autowired
	EnterpriseImport imports;

	@Autowired
	EnterpriseExport exports;

	@Autowired
	EnterpriseService enterprises;

	private String imported(String name) {
		String code = uscc(HAIZHU);
		String csv = "统一社会信用代码,企业名称,曾用名,所属区,行业代码,成立日期,登记状态,经营范围,资质,备案,年度,营业收入（万元）,从业人员,数据资产入表\n"
				+ code + "," + name + ",旧名一；旧名二," + HAIZHU + ",6513,2016-07-08,存续,\"软件开发，信息系统集成\","
				+ "高新技术企业(2022-12-01~2025-11-30)；专精特新,算法备案(2023-09-01),2023,1234.567891,45,是\n"
				+ code + "," + name + ",," + HAIZHU + ",6513,2016-07-08,存续,\"软件开发，信息系统集成\",,,2024,2000,50,否\n";
		EnterpriseImport.Report report = run(imports, utf8(csv), "导出测试.csv", ImportMode.ATOMIC, false).report();
		assertThat(report.problems()).isEmpty();
		return code;
	}

	private byte[] export(String text, TableFormat format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		exports.export(new EnterpriseFilter(text, null, null, null, null), null, format, out);
		return out.toByteArray();
	}

	@Test
	void shouldExportCsvThatImportsAgainUnchanged() {
		String code = imported("往返CSV公司");
		byte[] csv = export("往返CSV公司", TableFormat.CSV);
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF统一社会信用代码,企业名称,曾用名,所属区,区名称,行业代码,行业名称");
		assertThat(text).contains(code).contains("海珠区").contains("应用软件开发").contains("1234.567891").contains("2023");
		EnterpriseImport.Report again = run(imports, csv, "export.csv", ImportMode.ATOMIC, false).report();
		assertThat(again.problems()).isEmpty();
		assertThat(again.rows()).isEqualTo(2);
		assertThat(again.unchanged()).isEqualTo(2);
		assertThat(enterprises.get(code).version()).isEqualTo(1);
	}

	@Test
	void shouldExportXlsxThatImportsAgainUnchanged() {
		String code = imported("往返XLSX公司");
		byte[] xlsx = export("往返XLSX公司", TableFormat.XLSX);
		EnterpriseImport.Report again = run(imports, xlsx, "export.xlsx", ImportMode.ATOMIC, false).report();
		assertThat(again.problems()).isEmpty();
		assertThat(again.unchanged()).isEqualTo(2);
		EnterpriseDetail detail = enterprises.detail(code);
		assertThat(detail.enterprise().formerNames()).containsExactly("旧名一", "旧名二");
		assertThat(detail.figures().get(2023)).containsEntry("revenue", 1_234_567_891L).containsEntry("data_assets_recognised", 1L);
		assertThat(detail.qualifications()).hasSize(2);
	}

	@Test
	void shouldFilterTheExportByDistrict() {
		String code = imported("区筛选公司");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		exports.export(new EnterpriseFilter("区筛选公司", TIANHE, null, null, null), null, TableFormat.CSV, out);
		assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain(code);
	}

}
