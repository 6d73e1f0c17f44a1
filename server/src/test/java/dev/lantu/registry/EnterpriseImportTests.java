package dev.lantu.registry;

import static dev.lantu.registry.RegistrySheets.HAIZHU;
import static dev.lantu.registry.RegistrySheets.TIANHE;
import static dev.lantu.registry.RegistrySheets.run;
import static dev.lantu.registry.RegistrySheets.uscc;
import static dev.lantu.registry.RegistrySheets.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.lantu.tables.ImportMode;
import dev.lantu.tables.RowProblem;
import dev.lantu.tables.TableException;

/** Importing enterprises: every bad input of issue 4, atomicity, skip-invalid, dry runs, re-imports, encodings. */
@SpringBootTest
class EnterpriseImportTests {

	static final String HEADER = "统一社会信用代码,企业名称,所属区,行业代码,成立日期,年度,营业收入（万元）,从业人员（人）,研发费用（万元）,资质,备案\n";

	@Autowired
	EnterpriseImport imports;

	@Autowired
	EnterpriseService enterprises;

	private static String line(String uscc, String name, String district, String industry, String year, String revenue,
			String employees) {
		return String.join(",", uscc, name, district, industry, "2018-05-01", year, revenue, employees, "12.5", "", "") + "\n";
	}

	private EnterpriseImport.Report atomic(String csv) {
		return run(imports, utf8(csv), "企业.csv", ImportMode.ATOMIC, false).report();
	}

	private boolean exists(String uscc) {
		try {
			enterprises.get(uscc);
			return true;
		}
		catch (EnterpriseNotFoundException e) {
			return false;
		}
	}

	private static List<String> codes(List<RowProblem> problems) {
		return problems.stream().map(RowProblem::code).toList();
	}

	@Test
	void shouldImportEnterprisesWithFiguresQualificationsAndFilings() {
		String a = uscc(TIANHE);
		String b = uscc(HAIZHU);
		EnterpriseImport.Report report = atomic(HEADER
				+ String.join(",", a, "广州测试智能科技有限公司", "天河区", "I6513", "2019-03-01", "2024", "\"1,250.5\"", "80", "150",
						"高新技术企业(2023-12-01~2026-11-30)；科技型中小企业", "生成式人工智能服务备案(2024-03-15)") + "\n"
				+ line(b, "广州测试生物医药有限公司", HAIZHU, "2761", "2024", "3000", "120"));
		assertThat(report.problems()).isEmpty();
		assertThat(report.created()).isEqualTo(2);
		assertThat(report.refused()).isFalse();
		EnterpriseDetail detail = enterprises.detail(a);
		assertThat(detail.enterprise().districtCode()).isEqualTo(TIANHE);
		assertThat(detail.enterprise().industryCode()).isEqualTo("6513");
		assertThat(detail.figures().get(2024)).containsEntry("revenue", 1_250_500_000L).containsEntry("employees", 80L)
			.containsEntry("rd_expense", 150_000_000L);
		assertThat(detail.qualifications()).extracting(Qualification::type)
			.containsExactlyInAnyOrder(QualificationType.HIGH_TECH, QualificationType.TECH_SME);
		assertThat(detail.industry()).extracting(IndustryClass::code).containsExactly("I", "65", "651", "6513");

		EnterpriseFacts facts = enterprises.facts(a, LocalDate.of(2025, 1, 1));
		assertThat(facts.fact("district")).contains(TIANHE);
		assertThat(facts.fact("revenue", 2024)).contains(1_250_500_000L);
		assertThat(facts.fact("employees", 2024)).contains(80L);
		assertThat(facts.fact("qualifications").orElseThrow()).asInstanceOf(
				org.assertj.core.api.InstanceOfAssertFactories.COLLECTION).contains("高新技术企业", "科技型中小企业");
		assertThat(facts.fact("high_tech_valid_until")).contains(LocalDate.of(2026, 11, 30));
		assertThat(facts.fact("llm_filing_first_on")).contains(LocalDate.of(2024, 3, 15));
		assertThat(facts.fact("large_model_enterprise")).contains(false);
		assertThat(facts.fact("revenue", 2023)).isEmpty();
	}

	@Test
	void shouldRejectAWrongCheckDigitAndSuggestALookAlike() {
		String good = uscc(TIANHE);
		char last = good.charAt(17);
		String wrong = good.substring(0, 17) + (last == '0' ? '1' : '0');
		EnterpriseImport.Report report = atomic(HEADER + line(wrong, "甲公司", TIANHE, "6513", "2024", "100", "5"));
		assertThat(report.refused()).isTrue();
		RowProblem problem = report.problems().get(0);
		assertThat(problem.row()).isEqualTo(2);
		assertThat(problem.column()).isEqualTo("统一社会信用代码");
		assertThat(problem.value()).isEqualTo(wrong);
		assertThat(problem.code()).isEqualTo("uscc.invalid");
		assertThat(problem.reason()).contains("check character");
		assertThat(exists(good)).isFalse();
	}

	@Test
	void shouldNormaliseLowerCaseAndFullWidthUsccsAndSaySo() {
		String code = uscc(TIANHE);
		StringBuilder fullWidth = new StringBuilder();
		for (char c : code.toCharArray()) {
			fullWidth.append((char) (c + 0xFEE0));
		}
		String other = uscc(TIANHE);
		while (other.chars().noneMatch(Character::isLetter)) {
			other = uscc(TIANHE);
		}
		EnterpriseImport.Report report = atomic(HEADER + line(fullWidth.toString(), "全角公司", TIANHE, "6513", "2024", "100", "5")
				+ line(other.toLowerCase(), "小写公司", TIANHE, "6513", "2024", "100", "5"));
		assertThat(report.problems()).isEmpty();
		assertThat(report.created()).isEqualTo(2);
		assertThat(report.warnings()).extracting(RowProblem::code).containsExactly("uscc.normalised", "uscc.normalised");
		assertThat(report.warnings().get(0).reason()).contains("normalised to " + code).contains("full-width");
		assertThat(report.warnings().get(1).reason()).contains("lower-case");
		assertThat(enterprises.get(code).name()).isEqualTo("全角公司");
		assertThat(enterprises.get(other).uscc()).isEqualTo(other);
	}

	@Test
	void shouldRejectUnknownDistrictsAndIndustriesWithSuggestions() {
		EnterpriseImport.Report report = atomic(HEADER + line(uscc(TIANHE), "甲公司", "440107", "6513", "2024", "100", "5")
				+ line(uscc(TIANHE), "乙公司", TIANHE, "3619", "2024", "100", "5")
				+ line(uscc(TIANHE), "丙公司", TIANHE, "A3612", "2024", "100", "5")
				+ line(uscc(TIANHE), "丁公司", TIANHE, "361", "2024", "100", "5"));
		assertThat(report.refused()).isTrue();
		assertThat(codes(report.problems())).containsExactly("district.unknown-suggested", "industry.invalid", "industry.invalid",
				"industry.invalid");
		assertThat(report.problems().get(0).reason()).contains("440106 天河区");
		assertThat(report.problems().get(1).reason()).contains("3612 新能源车整车制造");
		assertThat(report.problems().get(2).reason()).contains("section C");
		assertThat(report.problems().get(3).reason()).contains("group").contains("3611");
		assertThat(report.created()).isZero();
	}

	@Test
	void shouldRefuseAMoneyColumnWithoutItsUnit() {
		assertThatThrownBy(() -> atomic("统一社会信用代码,企业名称,所属区,年度,营业收入\n" + uscc(TIANHE) + ",甲,440106,2024,100\n"))
			.isInstanceOfSatisfying(ImportRefusedException.class, e -> {
				assertThat(e.problems()).extracting(RowProblem::code).containsExactly("header.moneyUnit");
				assertThat(e.problems().get(0).row()).isEqualTo(1);
				assertThat(e.problems().get(0).reason()).contains("营业收入（万元）");
			});
	}

	@Test
	void shouldFlagWanTypedIntoAYuanColumnAndRefuseAbsurdAmounts() {
		String header = "统一社会信用代码,企业名称,所属区,年度,营业收入（元）,从业人员\n";
		String plausible = uscc(TIANHE);
		EnterpriseImport.Report flagged = atomic(header + plausible + ",万元误填公司,440106,2024,3500,200\n");
		assertThat(flagged.problems()).isEmpty();
		assertThat(flagged.warnings()).extracting(RowProblem::code).containsExactly("figure.implausibleLow");
		assertThat(flagged.warnings().get(0).reason()).contains("万元");

		String absurd = uscc(TIANHE);
		EnterpriseImport.Report refused = atomic("统一社会信用代码,企业名称,所属区,年度,营业收入（万元）,从业人员\n" + absurd
				+ ",元误填公司,440106,2024,35000000000000,200\n");
		assertThat(codes(refused.problems())).containsExactly("amount.absurd");
		assertThat(exists(absurd)).isFalse();
	}

	@Test
	void shouldRefuseNegativeFiguresFutureDatesAndFutureYears() {
		int next = LocalDate.now().getYear() + 1;
		String future = LocalDate.now().plusDays(3).toString();
		EnterpriseImport.Report report = atomic(HEADER + line(uscc(TIANHE), "负数公司", TIANHE, "6513", "2024", "-5", "5")
				+ line(uscc(TIANHE), "未来年度公司", TIANHE, "6513", String.valueOf(next), "5", "5")
				+ String.join(",", uscc(TIANHE), "未来成立公司", TIANHE, "6513", future, "2024", "5", "5", "", "", "") + "\n"
				+ String.join(",", uscc(TIANHE), "未来备案公司", TIANHE, "6513", "2020-01-01", "2024", "5", "5", "",
						"", "算法备案(" + future + ")") + "\n");
		assertThat(report.problems()).extracting(RowProblem::row, RowProblem::code).containsExactly(
				org.assertj.core.groups.Tuple.tuple(2, "amount.negative"), org.assertj.core.groups.Tuple.tuple(3, "year.future"),
				org.assertj.core.groups.Tuple.tuple(4, "date.future"), org.assertj.core.groups.Tuple.tuple(5, "date.future"));
	}

	@Test
	void shouldRejectBothRowsOfAnEnterpriseAndYearGivenTwice() {
		String twice = uscc(TIANHE);
		String once = uscc(TIANHE);
		String csv = HEADER + line(twice, "重复公司", TIANHE, "6513", "2024", "100", "5") + line(once, "正常公司", TIANHE, "6513",
				"2024", "100", "5") + line(twice, "重复公司", TIANHE, "6513", "2024", "120", "5");
		EnterpriseImport.Report atomic = atomic(csv);
		assertThat(atomic.refused()).isTrue();
		assertThat(atomic.problems()).extracting(RowProblem::row, RowProblem::code).containsExactlyInAnyOrder(
				org.assertj.core.groups.Tuple.tuple(4, "row.repeated"), org.assertj.core.groups.Tuple.tuple(2, "row.repeatedLater"));
		assertThat(exists(once)).isFalse();

		EnterpriseImport.Outcome skipped = run(imports, utf8(csv), "企业.csv", ImportMode.SKIP_INVALID, false);
		assertThat(skipped.report().created()).isEqualTo(1);
		assertThat(exists(once)).isTrue();
		assertThat(exists(twice)).isFalse();
	}

	@Test
	void shouldCreateAnEnterpriseFromItsFirstValidRowWhenItsFirstRowIsRejected() {
		String code = uscc(TIANHE);
		String csv = HEADER + line(code, "跳过公司", TIANHE, "6513", "2024", "100", "5")
				+ line(code, "跳过公司", TIANHE, "6513", "2024", "110", "5") + line(code, "跳过公司", TIANHE, "6513", "2023", "90", "5")
				+ line(code, "跳过公司", TIANHE, "6513", "2022", "80", "5");
		EnterpriseImport.Outcome outcome = run(imports, utf8(csv), "企业.csv", ImportMode.SKIP_INVALID, false);
		assertThat(outcome.report().invalid()).isEqualTo(2);
		assertThat(outcome.report().created()).isEqualTo(1);
		assertThat(enterprises.detail(code).figures()).containsOnlyKeys(2022, 2023);
	}

	@Test
	void shouldAcceptOneEnterpriseOverSeveralYearsButNotRowsThatDisagree() {
		String code = uscc(TIANHE);
		EnterpriseImport.Report years = atomic(HEADER + line(code, "多年公司", TIANHE, "6513", "2023", "100", "5")
				+ line(code, "多年公司", TIANHE, "6513", "2024", "130", "6"));
		assertThat(years.problems()).isEmpty();
		assertThat(enterprises.detail(code).figures()).containsOnlyKeys(2023, 2024);

		String other = uscc(TIANHE);
		EnterpriseImport.Report disagree = atomic(HEADER + line(other, "甲名", TIANHE, "6513", "2023", "100", "5")
				+ line(other, "乙名", TIANHE, "6513", "2024", "130", "6"));
		assertThat(codes(disagree.problems())).containsExactly("row.disagrees");
	}

	@Test
	void shouldWriteNothingWhenOneRowIsInvalid() {
		String a = uscc(TIANHE);
		String b = uscc(TIANHE);
		EnterpriseImport.Report report = atomic(HEADER + line(a, "有效公司", TIANHE, "6513", "2024", "100", "5")
				+ line(b, "无效公司", "火星区", "6513", "2024", "100", "5"));
		assertThat(report.refused()).isTrue();
		assertThat(report.valid()).isEqualTo(1);
		assertThat(report.created()).isZero();
		assertThat(exists(a)).isFalse();
		assertThat(exists(b)).isFalse();
	}

	@Test
	void shouldImportTheValidRowsAndReturnTheRejectsWithReasons() throws Exception {
		String a = uscc(TIANHE);
		String b = uscc(TIANHE);
		EnterpriseImport.Outcome outcome = run(imports, utf8(HEADER + line(a, "有效公司", TIANHE, "6513", "2024", "100", "5")
				+ line(b, "无效公司", "火星区", "6513", "2024", "abc", "5")), "企业.csv", ImportMode.SKIP_INVALID, false);
		assertThat(outcome.report().created()).isEqualTo(1);
		assertThat(outcome.report().invalid()).isEqualTo(1);
		assertThat(outcome.report().rejectsAvailable()).isTrue();
		assertThat(exists(a)).isTrue();
		assertThat(exists(b)).isFalse();
		List<String> rejects = Files.readAllLines(outcome.rejects(), StandardCharsets.UTF_8);
		assertThat(rejects).hasSize(2);
		assertThat(rejects.get(0)).endsWith("错误原因 reason");
		assertThat(rejects.get(1)).startsWith(b).contains("所属区: no district").contains("营业收入（万元）: expected an amount");
		Files.delete(outcome.rejects());
	}

	@Test
	void shouldOnlyCheckInADryRun() {
		String a = uscc(TIANHE);
		EnterpriseImport.Outcome outcome = run(imports, utf8(HEADER + line(a, "试运行公司", TIANHE, "6513", "2024", "100", "5")),
				"企业.csv", ImportMode.ATOMIC, true);
		assertThat(outcome.report().dryRun()).isTrue();
		assertThat(outcome.report().valid()).isEqualTo(1);
		assertThat(outcome.report().created()).isZero();
		assertThat(exists(a)).isFalse();
	}

	@Test
	void shouldUpdateByUsccAndKeepTheHistoryOnReimport() {
		String a = uscc(TIANHE);
		atomic(HEADER + line(a, "旧名称公司", TIANHE, "6513", "2024", "100", "5"));
		EnterpriseImport.Report again = atomic(HEADER + line(a, "新名称公司", TIANHE, "6513", "2024", "180", "5"));
		assertThat(again.updated()).isEqualTo(1);
		assertThat(again.figuresChanged()).isEqualTo(1);
		EnterpriseDetail detail = enterprises.detail(a);
		assertThat(detail.enterprise().name()).isEqualTo("新名称公司");
		assertThat(detail.enterprise().formerNames()).containsExactly("旧名称公司");
		assertThat(detail.enterprise().version()).isEqualTo(2);
		assertThat(detail.figures().get(2024)).containsEntry("revenue", 180_000_000L);
		assertThat(detail.figureChanges()).singleElement().satisfies(change -> {
			assertThat(change.variable()).isEqualTo("revenue");
			assertThat(change.oldValue()).isEqualTo(100_000_000L);
			assertThat(change.newValue()).isEqualTo(180_000_000L);
			assertThat(change.changedBy()).isEqualTo("测试员");
			assertThat(change.source()).contains("企业.csv");
		});
		assertThat(detail.changes()).extracting(FieldChange::field, FieldChange::oldValue, FieldChange::newValue)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("name", "旧名称公司", "新名称公司"));

		EnterpriseImport.Report same = atomic(HEADER + line(a, "新名称公司", TIANHE, "6513", "2024", "180", "5"));
		assertThat(same.unchanged()).isEqualTo(1);
		assertThat(enterprises.get(a).version()).isEqualTo(2);
	}

	@Test
	void shouldReadGbkAndUtf8WithBom() {
		String gbk = uscc(TIANHE);
		EnterpriseImport.Report fromGbk = run(imports, RegistrySheets.csv(HEADER + line(gbk, "国标编码公司", "天河区", "6513",
				"2024", "100", "5"), Charset.forName("GBK")), "企业.csv", ImportMode.ATOMIC, false).report();
		assertThat(fromGbk.problems()).isEmpty();
		assertThat(fromGbk.encoding()).isEqualTo("GB18030");
		assertThat(enterprises.get(gbk).name()).isEqualTo("国标编码公司");

		String bom = uscc(TIANHE);
		byte[] text = utf8(HEADER + line(bom, "带BOM公司", "天河", "6513", "2024", "100", "5"));
		byte[] withBom = new byte[text.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(text, 0, withBom, 3, text.length);
		EnterpriseImport.Report fromBom = run(imports, withBom, "企业.csv", ImportMode.ATOMIC, false).report();
		assertThat(fromBom.problems()).isEmpty();
		assertThat(enterprises.get(bom).name()).isEqualTo("带BOM公司");
	}

	@Test
	void shouldReadXlsxWithNumbersAndEnglishHeaders() {
		String a = uscc(HAIZHU);
		byte[] workbook = RegistrySheets.xlsx(List.of(
				List.of("uscc", "name", "district", "industry_code", "year", "revenue_yuan", "employees"),
				Arrays.asList(a, "Excel Co", "Haizhu", 6513, 2024, 12345678.9, 42)));
		EnterpriseImport.Report report = run(imports, workbook, "enterprises.xlsx", ImportMode.ATOMIC, false).report();
		assertThat(report.problems()).isEmpty();
		assertThat(enterprises.detail(a).figures().get(2024)).containsEntry("revenue", 1_234_567_890L)
			.containsEntry("employees", 42L);
		assertThat(enterprises.get(a).districtCode()).isEqualTo(HAIZHU);
	}

	@Test
	void shouldRefuseFormulasInXlsxCells() {
		String a = uscc(HAIZHU);
		byte[] workbook = RegistrySheets.xlsx(List.of(List.of("统一社会信用代码", "企业名称", "所属区", "年度", "营业收入（万元）"),
				Arrays.asList(a, "公式公司", HAIZHU, 2024, "=100*2")));
		EnterpriseImport.Report report = run(imports, workbook, "企业.xlsx", ImportMode.ATOMIC, false).report();
		assertThat(report.problems()).extracting(RowProblem::code).containsExactly("table.formula");
		assertThat(report.problems().get(0).column()).isEqualTo("营业收入（万元）");
		assertThat(exists(a)).isFalse();
	}

	@Test
	void shouldRefuseAnXlsxWithMergedHeaderCells() throws Exception {
		byte[] plain = RegistrySheets.xlsx(List.of(List.of("统一社会信用代码", "企业名称", "所属区", "", "年度"),
				Arrays.asList(uscc(TIANHE), "甲", TIANHE, null, 2024)));
		var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(plain));
		workbook.getSheetAt(0).addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 2, 3));
		var out = new java.io.ByteArrayOutputStream();
		workbook.write(out);
		workbook.close();
		assertThatThrownBy(() -> run(imports, out.toByteArray(), "企业.xlsx", ImportMode.ATOMIC, false))
			.isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.problems()).extracting(RowProblem::code)
				.containsExactly("header.empty"))
			.hasMessageContaining("merged");
	}

	@Test
	void shouldRefuseEmptyFilesAndFilesOfOnlyAHeaderChangeNothing() {
		assertThatThrownBy(() -> run(imports, new byte[0], "企业.csv", ImportMode.ATOMIC, false))
			.isInstanceOf(TableException.class).hasMessageContaining("empty");
		EnterpriseImport.Report onlyHeader = atomic(HEADER);
		assertThat(onlyHeader.rows()).isZero();
		assertThat(onlyHeader.created()).isZero();
	}

	@Test
	void shouldRefuseAbsurdlyWideAndLongLines() {
		String wide = String.join(",", java.util.Collections.nCopies(TableStreamLimits.COLUMNS + 1, "列")) + "\n";
		assertThatThrownBy(() -> atomic(wide)).isInstanceOf(TableException.class).hasMessageContaining("columns");
		String longLine = HEADER + "\"" + "长".repeat(TableStreamLimits.RECORD + 10) + "\"\n";
		assertThatThrownBy(() -> atomic(longLine)).isInstanceOf(TableException.class).hasMessageContaining("longer than");
		String longCell = HEADER + line(uscc(TIANHE), "长".repeat(40_000), TIANHE, "6513", "2024", "1", "1");
		assertThat(codes(atomic(longCell).problems())).contains("table.cellTooLong");
	}

	@Test
	void shouldRefuseATruncatedUpload() {
		String a = uscc(TIANHE);
		String cut = HEADER + line(a, "甲公司", TIANHE, "6513", "2024", "100", "5") + uscc(TIANHE) + ",\"乙公司";
		assertThatThrownBy(() -> atomic(cut)).isInstanceOf(TableException.class).hasMessageContaining("cut short");
		assertThat(exists(a)).isFalse();

		String cutRow = HEADER + line(a, "甲公司", TIANHE, "6513", "2024", "100", "5") + uscc(TIANHE) + ",乙公司,440106";
		assertThat(codes(atomic(cutRow).problems())).contains("table.tooFewCells");
		assertThat(exists(a)).isFalse();

		byte[] workbook = RegistrySheets.xlsx(List.of(List.of("统一社会信用代码", "企业名称", "所属区"), List.of(a, "甲", TIANHE)));
		byte[] truncated = Arrays.copyOf(workbook, workbook.length / 2);
		assertThatThrownBy(() -> run(imports, truncated, "企业.xlsx", ImportMode.ATOMIC, false))
			.isInstanceOf(TableException.class).hasMessageContaining("not a readable XLSX");
		assertThat(exists(a)).isFalse();
	}

}
