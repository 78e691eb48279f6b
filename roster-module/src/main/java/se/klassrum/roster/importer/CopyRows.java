package se.klassrum.roster.importer;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * New rows of one table, sent with PostgreSQL's {@code COPY ... FROM STDIN} on the transaction's own connection:
 * one statement for any number of rows, no statement per row, and the rows are streamed (never all in memory).
 * Within the transaction, so a failed import leaves nothing behind. Constraints, checks, foreign keys and indexes
 * apply to copied rows as to inserted ones; columns not named take their defaults.
 * <p>
 * Public for the Microsoft Graph sync, which grants licences the same way.
 * <p>
 * Values are written in COPY's text format: {@code \N} for null, backslash escapes for the characters that would end a
 * value or a row.
 */
public final class CopyRows implements AutoCloseable {

    /** The streamed bytes are handed to the driver in pieces of this size. */
    private static final int BUFFER = 1 << 16;

    private final Writer out;
    private final int columns;
    private long rows;

    private CopyRows(Writer out, int columns) {
        this.out = out;
        this.columns = columns;
    }

    /** Starts a COPY into {@code table}'s {@code columns}, in this order. */
    public static CopyRows into(Connection connection, String table, List<String> columns) {
        try {
            PGConnection postgres = connection.unwrap(PGConnection.class);
            String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
            var stream = new PGCopyOutputStream(postgres, sql, BUFFER);
            return new CopyRows(new OutputStreamWriter(stream, StandardCharsets.UTF_8), columns.size());
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " could not start: " + e.getMessage(), e);
        }
    }

    /** One row: a value per column, in the order given to {@link #into}. */
    public void row(Object... values) {
        if (values.length != columns) {
            throw new IllegalArgumentException(columns + " values expected, not " + values.length);
        }
        try {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.write('\t');
                }
                write(values[i]);
            }
            out.write('\n');
            rows++;
        } catch (IOException e) {
            throw failed(e);
        }
    }

    public long rows() {
        return rows;
    }

    private void write(Object value) throws IOException {
        if (value == null) {
            out.write("\\N");
        } else if (value instanceof Boolean bool) {
            out.write(bool ? 't' : 'f');
        } else if (value instanceof Enum<?> constant) {
            out.write(constant.name());
        } else {
            String text = value.toString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\\' -> out.write("\\\\");
                    case '\t' -> out.write("\\t");
                    case '\n' -> out.write("\\n");
                    case '\r' -> out.write("\\r");
                    default -> out.write(c);
                }
            }
        }
    }

    /** Ends the COPY: PostgreSQL checks the last rows and reports any violation here at the latest. */
    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** The driver wraps the server's error (a violated constraint, with its name) in the IOException. */
    private static RuntimeException failed(IOException e) {
        if (e.getCause() instanceof SQLException sql) {
            return new CopyFailedException(sql);
        }
        return new UncheckedIOException(e);
    }

    /** A COPY the server refused, e.g. for a violated constraint; the SQLException says which. */
    public static final class CopyFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CopyFailedException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
