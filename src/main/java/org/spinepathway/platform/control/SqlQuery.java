package org.spinepathway.platform.control;

import java.util.List;

import jakarta.persistence.Query;

/**
 * A statement with a {@code ?} per parameter, in order, built in one place so the application (through
 * JPA) and the benchmark (through JDBC) run the same SQL.
 */
public record SqlQuery(String sql, List<Object> params) {

    public SqlQuery {
        params = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(params));
    }

    /** The native query of {@code sql} on the entity manager, its parameters bound. */
    public Query bind(Query query) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }
}
