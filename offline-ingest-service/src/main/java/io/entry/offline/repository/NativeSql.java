package io.entry.offline.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** Runs SQL on the current Panache session: conditional updates, upserts and claims live in SQL, not in Java. */
final class NativeSql {

    private NativeSql() {
    }

    static Uni<Integer> update(String sql, Object... parameters) {
        return Panache.getSession().flatMap(session -> bind(session.createNativeQuery(sql), parameters).executeUpdate());
    }

    static Uni<List<Object[]>> rows(String sql, Object... parameters) {
        return Panache.getSession().flatMap(session -> {
            Mutiny.Query<Object[]> query = session.createNativeQuery(sql);
            return bind(query, parameters).getResultList();
        });
    }

    static <T> Uni<List<T>> rows(Class<T> type, String sql, Object... parameters) {
        return Panache.getSession().flatMap(session -> {
            Mutiny.SelectionQuery<T> query = session.createNativeQuery(sql, type);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.getResultList();
        });
    }

    private static <R> Mutiny.Query<R> bind(Mutiny.Query<R> query, Object... parameters) {
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }
}
