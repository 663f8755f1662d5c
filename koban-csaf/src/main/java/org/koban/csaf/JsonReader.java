package org.koban.csaf;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * A strict, fast JSON reader into {@link JsonValue}, for the common case: UTF-8 text that is plain RFC 8259 JSON.
 * It declines (returns null) on anything else, and the caller then lets Jackson parse the text, so every unusual
 * input (byte order marks, other encodings, duplicate keys, limits, errors and their messages) behaves exactly as
 * with Jackson alone. Accepted input gives the tree Jackson would give; {@code JsonReaderUnitTest} compares both.
 *
 * <p>One instance per thread (it keeps scratch stacks and a table of the keys it has seen, so that key strings are
 * shared and not allocated per document); not thread-safe.
 */
final class JsonReader {
    /** Below Jackson's configured limits (nesting 200, string length 50M, number length 1000): beyond, Jackson decides. */
    private static final int MAX_DEPTH = 150;

    private static final int MAX_STRING = 10_000_000;
    private static final int MAX_NUMBER = 200;
    /** Keys longer than this, or with escapes or non-ASCII bytes, are not shared through the key table. */
    private static final int MAX_SHARED_KEY = 64;

    private static final int KEY_TABLE = 1024; // a power of two
    private static final int MAX_SHARED_KEYS = KEY_TABLE / 2;

    /** Bounds on the key sequences kept ({@link Shape}): hostile input cannot grow them. */
    private static final int MAX_SHAPES = 4096;

    private static final int MAX_SHAPE_SIZE = 32;
    private static final int MAX_TRANSITIONS = 16;

    private static final ThreadLocal<JsonReader> READERS = ThreadLocal.withInitial(JsonReader::new);

    /** Thrown to decline the input; preallocated, without a stack trace, because declining is not an error here. */
    private static final class Decline extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Decline() {
            super(null, null, false, false);
        }
    }

    private static final Decline DECLINE = new Decline();

    /** Reads eight bytes of a byte array as one long, to scan plain text a word at a time. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long SPACES = 0x2020202020202020L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    private static final long CONTROLS = 0x2020202020202020L;

    private final byte[][] keyBytes = new byte[KEY_TABLE][];
    private final String[] keyStrings = new String[KEY_TABLE];
    /** The first sixteen bytes of each table key as two little-endian words, zero beyond the key's end. */
    private final long[] keyWords = new long[2 * KEY_TABLE];

    private int sharedKeys;

    // Scratch stacks: members of the containers being built, copied into exact-size arrays when one closes. New for
    // each document, sized by the previous one: stores into a young array are cheap for the garbage collector's
    // write barrier, stores into a long-lived one are not (G1 marks a card, with a memory fence, on each).
    private JsonValue[] valueStack;
    private String[] keyStack;
    private int stackSize = 256;

    /**
     * A sequence of keys that objects start with, at one place in documents: a node in a tree of key sequences,
     * one tree per parent key (the key whose value the object is, or the array's key for its elements). Objects of
     * one kind have the same keys in the same order, so the key that followed this sequence last time is compared
     * in place first, without scanning or hashing, and objects with the same sequence share one key array,
     * checked for duplicates once. Per reader, so per thread.
     */
    private static final class Shape {
        private static final Shape[] NONE = new Shape[0];

        /** The last key of the sequence (null for a root), its table slot and its bytes as the table has them. */
        final String key;

        final int slot;
        final byte[] bytes;
        final long w0;
        final long w1;
        final int size;

        /** The key array of objects with exactly this sequence, made when the first such object closes. */
        String[] keys;
        /** The sequence that followed this one last time. */
        Shape predicted;

        Shape[] next = NONE;
        /** The sequence without its last key (null for a root). */
        final Shape parent;

        Shape(Shape parent, String key, int slot, byte[] bytes, long w0, long w1, int size) {
            this.parent = parent;
            this.key = key;
            this.slot = slot;
            this.bytes = bytes;
            this.w0 = w0;
            this.w1 = w1;
            this.size = size;
        }
    }

    /** The root of the key sequences for each parent key's table slot + 1 (0: no parent key, or one not shared). */
    private final Shape[] roots = new Shape[KEY_TABLE + 1];

    private int shapes;
    /** The table slot of the last key read, or -1. */
    private int keySlot;

    private int top;
    /** The highest {@code top} of this document: the next document's stacks start at that size. */
    private int used;

    private byte[] in;
    private int pos;
    private final StringBuilder chars = new StringBuilder();
    private byte[] latin1 = new byte[1024];

    private JsonReader() {}

    /** The value of {@code json}, or null if this reader declines it (Jackson must then parse it). */
    static JsonValue parse(byte[] json) {
        return READERS.get().read(json);
    }

    private JsonValue read(byte[] json) {
        in = json;
        pos = 0;
        top = 0;
        valueStack = new JsonValue[stackSize];
        keyStack = new String[stackSize];
        try {
            skipWhitespace();
            if (pos >= in.length) {
                throw DECLINE; // empty input: Jackson reports it
            }
            JsonValue v = value(0, -1);
            skipWhitespace();
            if (pos != in.length) {
                throw DECLINE; // trailing content
            }
            return v;
        } catch (Decline | ArrayIndexOutOfBoundsException e) {
            // Running off the end of the input is truncated JSON: Jackson gives the error message.
            return null;
        } finally {
            in = null;
            valueStack = null;
            keyStack = null;
            top = 0;
            stackSize = Math.min(Math.max(used, 64), 4096);
            used = 0;
            if (latin1.length > 65536) {
                latin1 = new byte[1024]; // a huge string once must not stay allocated for the thread's life
            }
        }
    }

    private void skipWhitespace() {
        byte[] b = in;
        int p = pos;
        if (p < b.length && b[p] > ' ') {
            return; // the usual case between tokens: nothing to skip
        }
        if (p + 1 < b.length && b[p] == ' ' && b[p + 1] > ' ') {
            pos = p + 1; // the space after a colon
            return;
        }
        if (p + 26 <= b.length && b[p] == '\n') {
            // A new line and its indentation (up to 23 spaces), found in three words at once rather than in a loop
            // whose number of rounds varies with the depth.
            long w0 = (long) LONGS.get(b, p + 1) ^ SPACES;
            long w1 = (long) LONGS.get(b, p + 9) ^ SPACES;
            long w2 = (long) LONGS.get(b, p + 17) ^ SPACES;
            int indent = w0 != 0
                    ? Long.numberOfTrailingZeros(w0) >>> 3
                    : w1 != 0
                            ? 8 + (Long.numberOfTrailingZeros(w1) >>> 3)
                            : 16 + (Long.numberOfTrailingZeros(w2) >>> 3);
            p += 1 + indent;
            if (b[p] > ' ') {
                pos = p;
                return;
            }
        }
        while (p < b.length) {
            // Indentation comes in long runs of spaces: eight bytes at a time, the run's end found in the word.
            while (p + 8 <= b.length) {
                long other = (long) LONGS.get(b, p) ^ SPACES;
                if (other != 0) {
                    p += Long.numberOfTrailingZeros(other) >>> 3;
                    break;
                }
                p += 8;
            }
            if (p >= b.length) {
                break;
            }
            byte c = b[p];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                break;
            }
            p++;
        }
        pos = p;
    }

    /**
     * Non-zero if one of the eight bytes of {@code w} needs a closer look in a string: '"', '\\', a control
     * character or a non-ASCII byte (it may also flag a plain byte next to such a byte; the byte loop decides).
     */
    private static long special(long w) {
        long quote = w ^ QUOTES;
        long backslash = w ^ BACKSLASHES;
        return ((quote - ONES) & ~quote | (backslash - ONES) & ~backslash | (w - CONTROLS) | w) & HIGHS;
    }

    /**
     * Bytes 0 to 7 of the {@code len}-byte key at {@code p} as a little-endian word, zero beyond the key: with
     * {@link #secondWord}, how the key table keeps a key's first sixteen bytes. Needs 16 bytes of input from
     * {@code p}.
     */
    private static long firstWord(byte[] b, int p, int len) {
        long w = (long) LONGS.get(b, p);
        return len < 8 ? w & ((1L << (len << 3)) - 1) : w;
    }

    /** Bytes 8 to 15 of the key, zero beyond its end (see {@link #firstWord}). */
    private static long secondWord(byte[] b, int p, int len) {
        if (len <= 8) {
            return 0;
        }
        long w = (long) LONGS.get(b, p + 8);
        return len < 16 ? w & ((1L << ((len - 8) << 3)) - 1) : w;
    }

    /**
     * The index of the first byte from {@code p} on that may need a closer look in a string (see {@link #special}),
     * found eight bytes at a time: the lowest flagged byte of a word is always a real special byte. Within the last
     * seven bytes of the input, {@code p} itself.
     */
    private static int skipPlain(byte[] b, int p) {
        while (p + 8 <= b.length) {
            long m = special((long) LONGS.get(b, p));
            if (m != 0) {
                return p + (Long.numberOfTrailingZeros(m) >>> 3);
            }
            p += 8;
        }
        return p;
    }

    /** A value; {@code parent} is the table slot of the key it belongs to (-1 for none). */
    private JsonValue value(int depth, int parent) {
        byte c = in[pos];
        switch (c) {
            case '{' -> {
                return object(depth + 1, parent);
            }
            case '[' -> {
                return array(depth + 1, parent);
            }
            case '"' -> {
                pos++;
                return JsonValue.string(string());
            }
            case 't' -> {
                literal("true");
                return JsonValue.TRUE;
            }
            case 'f' -> {
                literal("false");
                return JsonValue.FALSE;
            }
            case 'n' -> {
                literal("null");
                return JsonValue.NULL_VALUE;
            }
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw DECLINE;
            }
        }
    }

    private void literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (in[pos + i] != word.charAt(i)) {
                throw DECLINE;
            }
        }
        pos += word.length();
        // "truex" is an error for Jackson; a following letter or digit means the token goes on.
        if (pos < in.length && isTokenChar(in[pos])) {
            throw DECLINE;
        }
    }

    private static boolean isTokenChar(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c < 0;
    }

    private JsonValue object(int depth, int parent) {
        if (depth > MAX_DEPTH) {
            throw DECLINE;
        }
        pos++; // '{'
        skipWhitespace();
        if (in[pos] == '}') {
            pos++;
            return JsonValue.object(JsonValue.noKeys(), JsonValue.noValues());
        }
        int base = top;
        Shape shape = root(parent);
        while (true) {
            if (in[pos] != '"') {
                throw DECLINE;
            }
            pos++;
            String key;
            Shape predicted = shape == null ? null : shape.predicted;
            if (predicted != null && matches(predicted)) {
                key = predicted.key;
                shape = predicted;
            } else {
                key = key();
                Shape next = shape != null && keySlot >= 0 ? follow(shape, keySlot) : null;
                if (next == null && shape != null) {
                    keysOf(shape, keyStack, base); // from here on the keys go on the stack
                }
                shape = next;
            }
            int slot = keySlot;
            skipWhitespace();
            if (in[pos] != ':') {
                throw DECLINE;
            }
            pos++;
            skipWhitespace();
            JsonValue v = value(depth, slot);
            if (shape != null) {
                push(v); // the key is the shape's: no store, no write barrier
            } else {
                push(key, v);
            }
            skipWhitespace();
            byte c = in[pos++];
            if (c == '}') {
                break;
            }
            if (c != ',') {
                throw DECLINE;
            }
            skipWhitespace();
        }
        int n = top - base;
        JsonValue[] values = new JsonValue[n];
        System.arraycopy(valueStack, base, values, 0, n);
        String[] keys;
        if (shape != null) {
            keys = shape.keys;
            if (keys == null) {
                keys = new String[n];
                keysOf(shape, keys, 0);
                checkDistinct(keys);
                shape.keys = keys;
            }
            top = base;
            return JsonValue.objectWithInternedKeys(keys, values); // keys from the table are interned
        }
        keys = new String[n];
        System.arraycopy(keyStack, base, keys, 0, n);
        checkDistinct(keys);
        top = base;
        return JsonValue.object(keys, values);
    }

    /** The root of the key sequences of objects under the parent key with table slot {@code parent}; or null. */
    private Shape root(int parent) {
        Shape root = roots[parent + 1];
        if (root == null && shapes < MAX_SHAPES) {
            root = roots[parent + 1] = new Shape(null, null, -1, null, 0, 0, 0);
            shapes++;
        }
        return root;
    }

    /** The sequence {@code from} followed by the table key {@code slot}, remembered as the prediction; or null. */
    private Shape follow(Shape from, int slot) {
        for (Shape s : from.next) {
            if (s.slot == slot) {
                from.predicted = s; // only on a wrong prediction: stores into long-lived objects cost a barrier
                return s;
            }
        }
        if (shapes >= MAX_SHAPES || from.size >= MAX_SHAPE_SIZE || from.next.length >= MAX_TRANSITIONS) {
            return null;
        }
        Shape s = new Shape(
                from,
                keyStrings[slot],
                slot,
                keyBytes[slot],
                keyWords[2 * slot],
                keyWords[2 * slot + 1],
                from.size + 1);
        shapes++;
        from.next = Arrays.copyOf(from.next, from.next.length + 1);
        from.next[from.next.length - 1] = s;
        from.predicted = s;
        return s;
    }

    /**
     * Whether the key at {@code pos} (after its opening quote) is exactly the predicted one, compared as in the key
     * table (a plain key has no escapes, so equal bytes are an equal key); if so, moves past its closing quote.
     */
    private boolean matches(Shape s) {
        byte[] b = in;
        int p = pos;
        int len = s.bytes.length;
        if (p + 16 > b.length || p + len >= b.length || b[p + len] != '"') {
            return false;
        }
        if (firstWord(b, p, len) != s.w0
                || secondWord(b, p, len) != s.w1
                || (len > 16 && !Arrays.equals(s.bytes, 16, len, b, p + 16, p + len))) {
            return false;
        }
        pos = p + len + 1;
        keySlot = s.slot;
        return true;
    }

    /** Jackson keeps the last of duplicate keys; such rare input is left to Jackson. */
    private static void checkDistinct(String[] keys) {
        int n = keys.length;
        if (n <= 16) {
            for (int i = 1; i < n; i++) {
                String k = keys[i];
                int h = k.hashCode();
                for (int j = 0; j < i; j++) {
                    if (keys[j].hashCode() == h && keys[j].equals(k)) {
                        throw DECLINE;
                    }
                }
            }
        } else {
            Set<String> seen = new HashSet<>(n * 2);
            for (String k : keys) {
                if (!seen.add(k)) {
                    throw DECLINE;
                }
            }
        }
    }

    private JsonValue array(int depth, int parent) {
        if (depth > MAX_DEPTH) {
            throw DECLINE;
        }
        pos++; // '['
        skipWhitespace();
        if (in[pos] == ']') {
            pos++;
            return JsonValue.array(JsonValue.noValues());
        }
        int base = top;
        while (true) {
            JsonValue v = value(depth, parent);
            push(v);
            skipWhitespace();
            byte c = in[pos++];
            if (c == ']') {
                break;
            }
            if (c != ',') {
                throw DECLINE;
            }
            skipWhitespace();
        }
        int n = top - base;
        JsonValue[] values = new JsonValue[n];
        System.arraycopy(valueStack, base, values, 0, n);
        top = base;
        return JsonValue.array(values);
    }

    /** Writes the keys of the sequence {@code shape}, in order, into {@code to} from {@code from} on. */
    private static void keysOf(Shape shape, String[] to, int from) {
        for (Shape s = shape; s.parent != null; s = s.parent) {
            to[from + s.size - 1] = s.key;
        }
    }

    /** Pushes a value whose key is known otherwise (an array element, or a key of the object's shape). */
    private void push(JsonValue v) {
        if (top == valueStack.length) {
            valueStack = Arrays.copyOf(valueStack, top * 2);
            keyStack = Arrays.copyOf(keyStack, top * 2);
        }
        valueStack[top++] = v;
        if (top > used) {
            used = top;
        }
    }

    private void push(String key, JsonValue v) {
        push(v);
        keyStack[top - 1] = key;
    }

    /**
     * A key: plain ASCII keys come from the shared table, so the same name is one String for all documents. The
     * table is probed by the key's first sixteen bytes, read as two words, and its length.
     */
    private String key() {
        keySlot = -1;
        byte[] b = in;
        int start = pos;
        int p = start;
        while (true) {
            p = skipPlain(b, p);
            byte c = b[p];
            if (c == '"') {
                break;
            }
            if (c == '\\' || c < 0x20) { // escapes, control characters and (negative) non-ASCII bytes
                return string();
            }
            p++;
        }
        int len = p - start;
        if (len > MAX_SHARED_KEY || start + 16 > b.length) {
            return string(); // the second only at the very end of (then malformed) input
        }
        long w0 = firstWord(b, start, len);
        long w1 = secondWord(b, start, len);
        long h = w0 * 0x9E3779B97F4A7C15L + w1 * 0xC2B2AE3D27D4EB4FL + len;
        int slot = (int) (h ^ (h >>> 32) ^ (h >>> 45)) & (KEY_TABLE - 1);
        while (true) {
            byte[] k = keyBytes[slot];
            if (k == null) {
                break;
            }
            if (k.length == len
                    && keyWords[2 * slot] == w0
                    && keyWords[2 * slot + 1] == w1
                    && (len <= 16 || Arrays.equals(k, 16, len, b, start + 16, p))) {
                pos = p + 1;
                keySlot = slot;
                return keyStrings[slot];
            }
            slot = (slot + 1) & (KEY_TABLE - 1);
        }
        String s = asciiString(b, start, len);
        if (sharedKeys < MAX_SHARED_KEYS) { // bounded: hostile input cannot grow the table
            // Interned, so that it is the same instance as the literal names the checks look up.
            s = s.intern();
            keyBytes[slot] = Arrays.copyOfRange(b, start, p);
            keyWords[2 * slot] = w0;
            keyWords[2 * slot + 1] = w1;
            keyStrings[slot] = s;
            sharedKeys++;
            keySlot = slot;
        }
        pos = p + 1;
        return s;
    }

    /** The string starting at {@code pos} (after the opening quote); leaves {@code pos} after the closing quote. */
    private String string() {
        byte[] b = in;
        int start = pos;
        int p = start;
        boolean ascii = true;
        while (true) {
            p = skipPlain(b, p);
            byte c = b[p];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                return escaped(start);
            }
            if (c < 0x20) {
                if (c >= 0) {
                    throw DECLINE; // an unescaped control character is an error for Jackson
                }
                ascii = false;
                p = utf8(b, p);
                continue;
            }
            p++;
        }
        int len = p - start;
        if (len > MAX_STRING) {
            throw DECLINE;
        }
        pos = p + 1;
        return ascii ? asciiString(b, start, len) : new String(b, start, len, StandardCharsets.UTF_8);
    }

    /**
     * The bytes as Latin-1 characters (ASCII, as the callers pass them). The old constructor taking a high byte is
     * small enough for the JIT to inline, so the copy of the bytes becomes part of the allocation; the one taking a
     * Charset is not (hundreds of bytes of bytecode), and creating strings through it showed as a third of the
     * reading time of a large advisory.
     */
    @SuppressWarnings("deprecation")
    private static String asciiString(byte[] b, int start, int len) {
        return new String(b, 0, start, len);
    }

    /**
     * Checks one well-formed UTF-8 sequence starting at {@code p} (shortest form, no surrogates, at most
     * U+10FFFF) and returns the index after it; anything else is declined.
     */
    private static int utf8(byte[] b, int p) {
        int c = b[p] & 0xFF;
        if (c >= 0xC2 && c <= 0xDF) {
            cont(b[p + 1]);
            return p + 2;
        }
        if (c >= 0xE0 && c <= 0xEF) {
            int c1 = b[p + 1] & 0xFF;
            if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F)) {
                throw DECLINE;
            }
            cont(b[p + 1]);
            cont(b[p + 2]);
            return p + 3;
        }
        if (c >= 0xF0 && c <= 0xF4) {
            int c1 = b[p + 1] & 0xFF;
            if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F)) {
                throw DECLINE;
            }
            cont(b[p + 1]);
            cont(b[p + 2]);
            cont(b[p + 3]);
            return p + 4;
        }
        throw DECLINE;
    }

    private static void cont(byte c) {
        if ((c & 0xC0) != 0x80) {
            throw DECLINE;
        }
    }

    /**
     * Strings with escapes: plain runs are copied in bulk into a Latin-1 scratch buffer; a character above U+00FF
     * (from an escape or a multi-byte sequence) sends the string to the general decoder below.
     */
    private String escaped(int start) {
        byte[] b = in;
        byte[] out = latin1;
        int n = 0;
        int p = start;
        while (true) {
            int run = p;
            byte c;
            while (true) {
                p = skipPlain(b, p);
                c = b[p];
                if (c == '"' || c == '\\' || c < 0x20) {
                    break;
                }
                p++;
            }
            int len = p - run;
            if (n + len + 1 > out.length) {
                if (n + len + 1 > MAX_STRING) {
                    throw DECLINE;
                }
                out = latin1 = Arrays.copyOf(out, Math.max(out.length * 2, n + len + 1));
            }
            System.arraycopy(b, run, out, n, len);
            n += len;
            if (c == '"') {
                break;
            }
            if (c != '\\') {
                return escapedChars(start); // control character (declined there) or non-ASCII
            }
            byte e = b[p + 1];
            int v;
            switch (e) {
                case '"' -> v = '"';
                case '\\' -> v = '\\';
                case '/' -> v = '/';
                case 'b' -> v = '\b';
                case 'f' -> v = '\f';
                case 'n' -> v = '\n';
                case 'r' -> v = '\r';
                case 't' -> v = '\t';
                default -> v = -1;
            }
            if (v < 0) {
                return escapedChars(start); // unicode escapes and errors
            }
            out[n++] = (byte) v;
            p += 2;
        }
        pos = p + 1;
        return asciiString(out, 0, n);
    }

    /** The general path for strings with escapes: decoded into a StringBuilder. */
    private String escapedChars(int start) {
        byte[] b = in;
        StringBuilder sb = chars;
        sb.setLength(0);
        int p = start;
        while (true) {
            int c = b[p];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                byte e = b[p + 1];
                p += 2;
                switch (e) {
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case '/' -> sb.append('/');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        int v = 0;
                        for (int i = 0; i < 4; i++) {
                            int d = Character.digit(b[p + i], 16);
                            if (d < 0) {
                                throw DECLINE;
                            }
                            v = v * 16 + d;
                        }
                        if (Character.isSurrogate((char) v)) {
                            throw DECLINE; // pairing rules: left to Jackson
                        }
                        sb.append((char) v);
                        p += 4;
                    }
                    default -> throw DECLINE;
                }
            } else if (c < 0) {
                int end = utf8(b, p);
                sb.append(new String(b, p, end - p, StandardCharsets.UTF_8));
                p = end;
            } else if (c < 0x20) {
                throw DECLINE;
            } else {
                sb.append((char) c);
                p++;
            }
            if (sb.length() > MAX_STRING) {
                throw DECLINE;
            }
        }
        pos = p + 1;
        return sb.toString();
    }

    /** A number in RFC 8259 syntax: integral ones as Jackson's int/long/BigInteger, others as BigDecimal. */
    private JsonValue number() {
        byte[] b = in;
        int start = pos;
        int p = start;
        if (b[p] == '-') {
            p++;
        }
        int intStart = p;
        if (b[p] == '0') {
            p++;
            if (p < b.length && b[p] >= '0' && b[p] <= '9') {
                throw DECLINE; // leading zero
            }
        } else if (b[p] >= '1' && b[p] <= '9') {
            while (p < b.length && b[p] >= '0' && b[p] <= '9') {
                p++;
            }
        } else {
            throw DECLINE;
        }
        int intDigits = p - intStart;
        boolean integral = true;
        if (p < b.length && b[p] == '.') {
            integral = false;
            p++;
            int d = p;
            while (p < b.length && b[p] >= '0' && b[p] <= '9') {
                p++;
            }
            if (p == d) {
                throw DECLINE;
            }
        }
        if (p < b.length && (b[p] == 'e' || b[p] == 'E')) {
            integral = false;
            p++;
            if (p < b.length && (b[p] == '+' || b[p] == '-')) {
                p++;
            }
            int d = p;
            while (p < b.length && b[p] >= '0' && b[p] <= '9') {
                p++;
            }
            if (p == d) {
                throw DECLINE;
            }
        }
        if (p - start > MAX_NUMBER || (p < b.length && isTokenChar(b[p]))) {
            throw DECLINE;
        }
        pos = p;
        String text = asciiString(b, start, p - start);
        if (!integral) {
            return JsonValue.decimal(new BigDecimal(text));
        }
        if (intDigits <= 18) {
            long v = 0;
            for (int i = intStart; i < p; i++) {
                v = v * 10 + (b[i] - '0');
            }
            return JsonValue.integer(b[start] == '-' ? -v : v, b[start] == '-' && v == 0 ? "0" : text);
        }
        BigInteger big = new BigInteger(text);
        return big.bitLength() < 64 ? JsonValue.integer(big.longValue(), big.toString()) : JsonValue.bigInteger(big);
    }
}
