package org.koban.server.catalog.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Stops reading an import after {@link #MAX_BYTES}, so no upload can exhaust the memory. */
final class CatalogInputLimit extends FilterInputStream {

    static final long MAX_BYTES = 50L * 1024 * 1024;

    /** Thrown when the input is larger than the limit. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("The file is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
    }

    private final long max;
    private long count;

    CatalogInputLimit(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) count(1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) count(n);
        return n;
    }

    private void count(long n) {
        count += n;
        if (count > max) throw new TooLarge();
    }
}
