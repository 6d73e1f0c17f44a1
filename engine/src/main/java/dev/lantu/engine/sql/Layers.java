package dev.lantu.engine.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The columns a query computes, each in a layer: a derived table that reads the layer below, so
 * that a value the SQL uses several times is computed once and then read by name. Layer 1 reads
 * the profile table; a column goes in the layer above the deepest column it reads, and each layer
 * passes on only the columns that a higher layer still reads.
 */
final class Layers {

    private record Definition(String sql, int layer, Set<String> reads) {
    }

    private final Map<String, Definition> definitions = new LinkedHashMap<>();
    private final Map<String, String> bySql = new HashMap<>();
    private int next = 1;

    /**
     * The column holding {@code sql}; the same text defined twice in one layer is one column.
     * Literals and column names are not worth a column and come back as they are.
     */
    String define(String sql, Term... reads) {
        if (sql == null || isTrivial(sql)) {
            return sql;
        }
        int layer = 1;
        Set<String> columns = new LinkedHashSet<>();
        for (Term read : reads) {
            layer = Math.max(layer, read.layer() + 1);
            columns.addAll(read.columns());
        }
        String key = layer + ":" + sql;
        String existing = bySql.get(key);
        if (existing != null) {
            return existing;
        }
        String name = "_" + next++;
        definitions.put(name, new Definition(sql, layer, columns));
        bySql.put(key, name);
        return name;
    }

    /** The layer that defines {@code column}; 0 for the profile table's. */
    int layerOf(String column) {
        Definition definition = definitions.get(column);
        return definition == null ? 0 : definition.layer();
    }

    boolean isColumn(String sql) {
        return definitions.containsKey(sql);
    }

    private boolean isTrivial(String sql) {
        return definitions.containsKey(sql) || sql.equals("TRUE") || sql.equals("FALSE") || sql.startsWith("\"")
                && sql.indexOf('"', 1) == sql.length() - 1;
    }

    /**
     * The whole query: the final select list (which may read any column) over the layers.
     *
     * @param key       the key column, selected in every layer
     * @param finalList the final select list's items
     * @param finalReads the columns those items read
     */
    String query(String table, String key, List<String> finalList, Set<String> finalReads, SqlDialect dialect) {
        int top = definitions.values().stream().mapToInt(Definition::layer).max().orElse(0);
        Map<String, Integer> lastUse = new TreeMap<>();
        definitions.forEach((name, definition) -> definition.reads()
                .forEach(read -> lastUse.merge(read, definition.layer(), Math::max)));
        finalReads.forEach(read -> lastUse.put(read, top + 1));
        String from = table;
        for (int layer = 1; layer <= top; layer++) {
            List<String> items = new ArrayList<>();
            items.add(key);
            for (Map.Entry<String, Integer> use : lastUse.entrySet()) {
                if (layerOf(use.getKey()) < layer && use.getValue() > layer) {
                    items.add(use.getKey());
                }
            }
            for (Map.Entry<String, Definition> column : definitions.entrySet()) {
                if (column.getValue().layer() == layer) {
                    items.add(column.getValue().sql() + " AS " + column.getKey());
                }
            }
            items = items.stream().distinct().toList();
            String select = "SELECT " + String.join(",\n  ", items) + "\nFROM " + from;
            from = "(\n" + select + dialect.layerFence() + "\n) AS l" + layer;
        }
        return "SELECT " + String.join(",\n  ", finalList) + "\nFROM " + from;
    }
}
