package dev.lantu.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import dev.lantu.tables.ImportMode;
import dev.lantu.tables.TableFormat;
import dev.lantu.tables.TableSource;

/** Sheets for registry tests: valid USCCs of a district, CSV text in an encoding, XLSX workbooks. */
final class RegistrySheets {

	static final String TIANHE = "440106";

	static final String HAIZHU = "440105";

	private static final Random RANDOM = new Random();

	private RegistrySheets() {
	}

	/** A fresh valid USCC issued in a district (random, so tests sharing a database do not collide). */
	static String uscc(String district) {
		synchronized (RANDOM) {
			return SyntheticRegistry.uscc(district, RANDOM);
		}
	}

	static byte[] csv(String text, Charset charset) {
		return text.getBytes(charset);
	}

	static byte[] utf8(String text) {
		return csv(text, StandardCharsets.UTF_8);
	}

	static byte[] xlsx(List<List<Object>> rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet("企业");
			for (int r = 0; r < rows.size(); r++) {
				var row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					Object value = rows.get(r).get(c);
					if (value instanceof Number number) {
						row.createCell(c).setCellValue(number.doubleValue());
					}
					else if (value instanceof String text && text.startsWith("=")) {
						row.createCell(c).setCellFormula(text.substring(1));
					}
					else if (value != null) {
						row.createCell(c).setCellValue(value.toString());
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static EnterpriseImport.Outcome run(EnterpriseImport imports, byte[] content, String fileName, ImportMode mode,
			boolean dryRun) {
		TableFormat format = TableFormat.ofFileName(fileName).orElseThrow();
		return imports.importFile(TableSource.of(content), fileName, format, mode, dryRun, "测试员", new ImportProgress());
	}

}
