package dev.lantu.registry;

/**
 * One node of GB/T 4754-2017 (国民经济行业分类): a section (门类, a letter), a division (大类, 2
 * digits), a group (中类, 3 digits) or a class (小类, 4 digits), with its parent and its section.
 */
public record IndustryClass(String code, Level level, String name, String parentCode, String section) {

	public enum Level {
		SECTION, DIVISION, GROUP, CLASS
	}

	/** The code with its section letter, as some registers write it: C3612. */
	public String fullCode() {
		return level == Level.SECTION ? code : section + code;
	}

}
