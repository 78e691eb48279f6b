package se.klassrum.roster.testing;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * A DataSource that records every SQL statement executed through it, to count database round trips at the
 * JDBC level: whatever the JPA provider does (lazy loads, extra selects, flushes) passes through here, so the
 * count cannot be fooled by what the provider chooses to log.
 * <p>
 * A statement is counted when it is executed, not when it is prepared; a batch counts once. The driver's
 * own work when opening a connection is not counted: in production connections come from a pool.
 */
public final class CountingDataSource implements DataSource {

    private static final Set<String> EXECUTING = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    private final DataSource target;
    private final List<String> executed = new ArrayList<>();

    public CountingDataSource(DataSource target) {
        this.target = target;
    }

    /** The SQL of every statement executed since the last reset, in order. */
    public synchronized List<String> executed() {
        return List.copyOf(executed);
    }

    public synchronized void reset() {
        executed.clear();
    }

    private synchronized void record(String sql) {
        executed.add(sql);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connection(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return connection(target.getConnection(username, password));
    }

    private Connection connection(Connection connection) {
        return proxy(Connection.class, (proxy, method, args) -> {
            Object result = invoke(connection, method, args);
            return switch (method.getName()) {
                case "createStatement" -> statement(Statement.class, (Statement) result, null);
                case "prepareStatement" -> statement(PreparedStatement.class, (Statement) result, (String) args[0]);
                case "prepareCall" -> statement(CallableStatement.class, (Statement) result, (String) args[0]);
                default -> result;
            };
        });
    }

    private <S extends Statement> S statement(Class<S> type, Statement statement, String preparedSql) {
        return proxy(type, (proxy, method, args) -> {
            if (EXECUTING.contains(method.getName())) {
                record(args != null && args.length > 0 && args[0] instanceof String sql ? sql : preparedSql);
            }
            return invoke(statement, method, args);
        });
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return target.isWrapperFor(iface);
    }
}
