package dev.lantu.engine.batch;

import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Sets of texts as bitsets over the column's members, declared when the column is made:
 * qualifications, tracks, filings. Each enterprise has {@code ceil(members / 64)} words, one word
 * for up to 64 members, so membership is a bit test and {@code count} a population count.
 */
public final class TextSetColumn extends Column {

    /** The dictionary id of each member, in the order of the bits. */
    final int[] memberIds;
    final int wordsPerRow;
    final long[] bits;
    private final TextDictionary dictionary;
    /** After building: for each dictionary id, its bit in this column, or -1 when it is no member. */
    int[] bitOfId = new int[0];

    TextSetColumn(String name, int rows, List<String> members, long[] bits, long[] known, TextDictionary dictionary) {
        super(name, rows, known);
        this.dictionary = dictionary;
        this.memberIds = new int[members.size()];
        for (int i = 0; i < members.size(); i++) {
            memberIds[i] = dictionary.id(members.get(i));
            for (int j = 0; j < i; j++) {
                if (memberIds[j] == memberIds[i]) {
                    throw new IllegalArgumentException(name + " declares the member " + members.get(i) + " twice");
                }
            }
        }
        this.wordsPerRow = Math.max(1, (members.size() + 63) >>> 6);
        if (bits != null && bits.length < (long) rows * wordsPerRow) {
            throw new IllegalArgumentException(name + ": " + rows + " rows of " + members.size() + " members need "
                    + (long) rows * wordsPerRow + " words, found " + bits.length);
        }
        this.bits = bits == null ? new long[Math.multiplyExact(rows, wordsPerRow)] : bits;
    }

    @Override
    public Type type() {
        return Type.SET;
    }

    /** The members a set of this column may hold, in the order of their bits. */
    public List<String> members() {
        return Arrays.stream(memberIds).mapToObj(dictionary::text).toList();
    }

    /** Sets the row's set to {@code members}, each one a declared member. */
    public void set(int row, Collection<String> members) {
        writable(row);
        Arrays.fill(bits, row * wordsPerRow, (row + 1) * wordsPerRow, 0L);
        for (String member : members) {
            int bit = bitOf(member);
            bits[row * wordsPerRow + (bit >>> 6)] |= 1L << bit;
        }
        markKnown(row);
    }

    /** Sets the row's set from a mask: bit {@code i} stands for the {@code i}th member. Up to 64 members. */
    public void setMask(int row, long mask) {
        writable(row);
        if (wordsPerRow != 1) {
            throw new IllegalStateException(name + " has more than 64 members; use set(row, members)");
        }
        if (memberIds.length < 64 && mask >>> memberIds.length != 0) {
            throw new IllegalArgumentException(name + " has " + memberIds.length + " members; the mask "
                    + Long.toBinaryString(mask) + " names more");
        }
        bits[row] = mask;
        markKnown(row);
    }

    private int bitOf(String member) {
        for (int bit = 0; bit < memberIds.length; bit++) {
            if (dictionary.text(memberIds[bit]).equals(member)) {
                return bit;
            }
        }
        throw new IllegalArgumentException(name + " has no member " + member + "; its members are " + members());
    }

    /** The dictionary ids of the row's members, ascending. */
    int[] ids(int row) {
        int count = 0;
        for (int w = 0; w < wordsPerRow; w++) {
            count += Long.bitCount(bits[row * wordsPerRow + w]);
        }
        int[] ids = new int[count];
        int next = 0;
        for (int w = 0; w < wordsPerRow; w++) {
            long word = bits[row * wordsPerRow + w];
            while (word != 0) {
                ids[next++] = memberIds[(w << 6) + Long.numberOfTrailingZeros(word)];
                word &= word - 1;
            }
        }
        Arrays.sort(ids);
        return ids;
    }

    @Override
    public Optional<Value> value(int row) {
        if (!isKnown(row)) {
            return Optional.empty();
        }
        List<String> members = new ArrayList<>();
        for (int id : ids(row)) {
            members.add(dictionary.text(id));
        }
        return Optional.of(Value.set(members));
    }

    @Override
    void freeze(TextDictionary dictionary) {
        super.freeze(dictionary);
        bitOfId = new int[dictionary.size()];
        Arrays.fill(bitOfId, -1);
        for (int bit = 0; bit < memberIds.length; bit++) {
            bitOfId[memberIds[bit]] = bit;
        }
    }

    @Override
    public long sizeInBytes() {
        return 8L * bits.length + bitmapBytes() + 4L * memberIds.length;
    }
}
