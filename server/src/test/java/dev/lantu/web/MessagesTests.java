package dev.lantu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every label comes from the message bundles, in both languages: the bundles have the same keys, the
 * templates use only keys the bundles have, and no template or script carries user-visible text of its
 * own (the petclinic check, adapted to a Chinese/English UI).
 */
class MessagesTests {

	private static final Pattern CJK = Pattern.compile("[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff01-\\uff5e]");

	private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");

	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)");

	private static final Set<String> VOID_ELEMENTS = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
			"link", "meta", "source", "track", "wbr");

	/** Attributes a reader sees or hears; their static values must not be text. */
	private static final Set<String> TEXT_ATTRIBUTES = Set.of("title", "alt", "placeholder", "aria-label", "label");

	/** Thymeleaf attributes that replace an element's content, so the text written inside is only a placeholder. */
	private static final Set<String> CONTENT_REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert");

	private static Path resources(String name) throws URISyntaxException {
		return Path.of(MessagesTests.class.getResource("/" + name).toURI());
	}

	private static Properties bundle(String file) throws IOException, URISyntaxException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(resources(file), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	private static List<Path> files(String folder, String suffix) throws IOException, URISyntaxException {
		try (Stream<Path> paths = Files.walk(resources(folder))) {
			return paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
		}
	}

	@Test
	void shouldHaveEveryChineseKeyInEnglish() throws Exception {
		Set<String> missing = new TreeSet<>(bundle("messages.properties").stringPropertyNames());
		missing.removeAll(bundle("messages_en.properties").stringPropertyNames());
		assertThat(missing).as("keys of messages.properties missing in messages_en.properties").isEmpty();
	}

	@Test
	void shouldHaveEveryEnglishKeyInChinese() throws Exception {
		Set<String> missing = new TreeSet<>(bundle("messages_en.properties").stringPropertyNames());
		missing.removeAll(bundle("messages.properties").stringPropertyNames());
		assertThat(missing).as("keys of messages_en.properties missing in messages.properties").isEmpty();
	}

	@Test
	void shouldHaveNoEmptyMessages() throws Exception {
		for (String file : List.of("messages.properties", "messages_en.properties")) {
			Properties messages = bundle(file);
			assertThat(messages.stringPropertyNames()).as(file)
				.allSatisfy(key -> assertThat(messages.getProperty(key)).as(file + " " + key).isNotBlank());
		}
	}

	@Test
	void shouldKeepApostrophesOfMessagesWithArgumentsIntact() throws Exception {
		for (String file : List.of("messages.properties", "messages_en.properties")) {
			Properties messages = bundle(file);
			for (String key : messages.stringPropertyNames()) {
				String message = messages.getProperty(key);
				if (message.contains("{0")) {
					// MessageFormat would swallow a lone ' and everything up to the next one
					assertThat(message.replace("''", "")).as(file + " " + key).doesNotContain("'");
					assertThat(new MessageFormat(message).format(new Object[] { 1, 2, 3, 4 })).as(file + " " + key)
						.doesNotContain("{0}");
				}
			}
		}
	}

	@Test
	void shouldDefineEveryMessageKeyTheTemplatesUse() throws Exception {
		Set<String> keys = bundle("messages.properties").stringPropertyNames();
		Set<String> undefined = new TreeSet<>();
		for (Path template : files("templates", ".html")) {
			Matcher matcher = MESSAGE_KEY.matcher(Files.readString(template));
			while (matcher.find()) {
				if (!keys.contains(matcher.group(1))) {
					undefined.add(template.getFileName() + ": " + matcher.group(1));
				}
			}
		}
		assertThat(undefined).as("message keys used by templates but not defined").isEmpty();
	}

	@Test
	void shouldHaveNoHardCodedTextInTemplates() throws Exception {
		List<String> problems = new ArrayList<>();
		for (Path template : files("templates", ".html")) {
			hardCodedText(Files.readString(template)).forEach(p -> problems.add(template.getFileName() + ": " + p));
		}
		assertThat(problems).as("user-visible text written into templates instead of message bundles").isEmpty();
	}

	@Test
	void shouldHaveNoChineseTextInScripts() throws Exception {
		for (Path script : files("static", ".js")) {
			String code = Files.readString(script).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
			assertThat(CJK.matcher(code).find()).as(script.getFileName() + " has Chinese text outside comments")
				.isFalse();
		}
	}

	@Test
	void shouldFlagTextWrittenIntoATemplate() {
		assertThat(hardCodedText("<h1>天河区</h1>")).hasSize(1);
		assertThat(hardCodedText("<p>Layout map</p>")).hasSize(1);
		assertThat(hardCodedText("<a title=\"open the district\" th:href=\"@{/}\" th:text=\"#{nav.map}\">map</a>"))
			.hasSize(1);
		assertThat(hardCodedText("<div><span>区</span><b th:text=\"${x}\">y</b></div>")).hasSize(1);
	}

	@Test
	void shouldAcceptPlaceholdersSymbolsAndScripts() {
		assertThat(hardCodedText("<h1 th:text=\"#{map.title}\">天河区</h1>")).isEmpty();
		assertThat(hardCodedText("<div th:replace=\"~{a :: b}\"><p>Layout <b>map</b></p></div>")).isEmpty();
		assertThat(hardCodedText("<span aria-hidden=\"true\">·</span> <td>&nbsp;?</td>")).isEmpty();
		assertThat(hardCodedText("<td th:text=\"${a > b} ? 'x'\">placeholder</td><br><p th:text=\"#{k}\">text</p>"))
			.isEmpty();
		assertThat(hardCodedText("<script>var words = 'not checked here';</script><!-- a comment -->")).isEmpty();
	}

	/**
	 * The text nodes and reader-facing attributes of a template that are not replaced by Thymeleaf and
	 * hold a Chinese character or an English word. A small tag scanner: quotes may hold '>'.
	 */
	static List<String> hardCodedText(String html) {
		List<String> problems = new ArrayList<>();
		Deque<Boolean> replaced = new ArrayDeque<>();
		Deque<String> open = new ArrayDeque<>();
		int i = 0;
		while (i < html.length()) {
			if (html.startsWith("<!--", i)) {
				int end = html.indexOf("-->", i);
				i = end < 0 ? html.length() : end + 3;
				continue;
			}
			if (html.charAt(i) != '<') {
				int end = html.indexOf('<', i);
				end = end < 0 ? html.length() : end;
				String text = html.substring(i, end).replaceAll("&#?\\w+;", " ");
				if (!replaced.contains(true) && (CJK.matcher(text).find() || WORD.matcher(text).find())) {
					problems.add("text '" + text.strip() + "'");
				}
				i = end;
				continue;
			}
			int end = tagEnd(html, i);
			String tag = html.substring(i + 1, end);
			i = end + 1;
			if (tag.startsWith("!") || tag.startsWith("?")) {
				continue;
			}
			if (tag.startsWith("/")) {
				String name = tag.substring(1).trim().toLowerCase();
				while (!open.isEmpty()) {
					replaced.pop();
					if (open.pop().equals(name)) {
						break;
					}
				}
				continue;
			}
			String name = tag.split("[\\s/]", 2)[0].toLowerCase();
			Matcher attributes = Pattern.compile("([\\w:-]+)\\s*=\\s*(\"[^\"]*\"|'[^']*')").matcher(tag);
			boolean replacing = false;
			while (attributes.find()) {
				String attribute = attributes.group(1).toLowerCase();
				String value = attributes.group(2).substring(1, attributes.group(2).length() - 1);
				replacing |= CONTENT_REPLACING.contains(attribute);
				if (TEXT_ATTRIBUTES.contains(attribute) && (CJK.matcher(value).find() || WORD.matcher(value).find())) {
					problems.add("attribute " + attribute + "=\"" + value + "\"");
				}
			}
			if (name.equals("script") || name.equals("style")) {
				int close = html.toLowerCase().indexOf("</" + name, i);
				i = close < 0 ? html.length() : html.indexOf('>', close) + 1;
				continue;
			}
			if (tag.endsWith("/") || VOID_ELEMENTS.contains(name)) {
				continue;
			}
			open.push(name);
			replaced.push(replacing);
		}
		return problems;
	}

	private static int tagEnd(String html, int start) {
		char quote = 0;
		for (int i = start + 1; i < html.length(); i++) {
			char c = html.charAt(i);
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
			}
			else if (c == '"' || c == '\'') {
				quote = c;
			}
			else if (c == '>') {
				return i;
			}
		}
		return html.length() - 1;
	}

}
