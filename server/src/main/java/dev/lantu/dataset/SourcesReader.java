package dev.lantu.dataset;

import java.util.ArrayList;
import java.util.List;


/** Reads {@code sources.yaml}, the catalogue every fact of the dataset cites. */
public final class SourcesReader {

	private static final List<String> SOURCE_KEYS = List.of("id", "title", "publisher", "date", "url", "note");

	private SourcesReader() {
	}

	public static List<Source> read(DatasetDirectory directory, DatasetReading reading) {
		var file = directory.read("sources.yaml");
		if (file.isEmpty()) {
			reading.problems().inconsistent(Position.of("sources.yaml"), "the source catalogue sources.yaml",
					"no such file");
			return List.of();
		}
		List<Source> sources = new ArrayList<>();
		YamlTree.parse(file.get().name(), file.get().text(), reading.problems()).ifPresent(root -> {
			root.allowOnly(List.of("sources"));
			for (YamlTree node : root.list("sources")) {
				node.allowOnly(SOURCE_KEYS);
				String id = node.requiredText("id");
				String title = node.requiredText("title");
				if (id != null && title != null && reading.declare("source", id, node.position())) {
					sources.add(new Source(id, title, node.text("publisher"), node.date("date"), node.text("url"),
							node.text("note")));
				}
			}
		});
		return sources;
	}

}
