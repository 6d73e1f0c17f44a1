package dev.lantu.engine.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The texts of a set of {@link EnterpriseColumns}, each stored once and named by a small id:
 * text columns hold ids, set columns hold bits over ids. One dictionary serves every column, so
 * equal texts have equal ids wherever they appear and comparing two texts is comparing two ints.
 * Ids are dense, from 0 in the order texts were first added.
 */
public final class TextDictionary {

    private final List<String> texts = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private boolean frozen;

    /** Made by {@link EnterpriseColumns.Builder}, which shares it among its columns. */
    TextDictionary() {
    }

    /** The id of {@code text}, added to the dictionary if it is new. */
    public int id(String text) {
        Objects.requireNonNull(text, "text");
        Integer id = ids.get(text);
        if (id != null) {
            return id;
        }
        if (frozen) {
            throw new IllegalStateException("the dictionary of built columns takes no new text: " + text);
        }
        texts.add(text);
        ids.put(text, texts.size() - 1);
        return texts.size() - 1;
    }

    /** The id of {@code text}, or -1 when the dictionary does not hold it. */
    public int find(String text) {
        Integer id = ids.get(text);
        return id == null ? -1 : id;
    }

    public String text(int id) {
        return texts.get(id);
    }

    public int size() {
        return texts.size();
    }

    void freeze() {
        frozen = true;
    }
}
