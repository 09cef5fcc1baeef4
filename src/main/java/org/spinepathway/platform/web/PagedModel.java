package org.spinepathway.platform.web;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A PrimeFaces lazy table model over a service's count and page queries: lists page in the
 * database, never in memory. Tables sort and filter through their page's own fields, so the
 * model passes neither on.
 */
public final class PagedModel<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** How many rows there are. */
    @FunctionalInterface
    public interface Counter extends Serializable {
        long count();
    }

    /** One page: {@code max} rows from row {@code first}. */
    @FunctionalInterface
    public interface Pager<T> extends Serializable {
        List<T> page(int first, int max);
    }

    private final Counter counter;
    private final Pager<T> pager;

    public PagedModel(Counter counter, Pager<T> pager) {
        this.counter = counter;
        this.pager = pager;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return Math.toIntExact(counter.count());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return pager.page(first, pageSize);
    }
}
