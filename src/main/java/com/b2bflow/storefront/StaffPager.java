package com.b2bflow.storefront;

import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The links to the previous and next page of one list on a console page: the page's path with the other lists' pages
 * and the filters kept, and this list's page number ({@code param}) moved by one. Null where there is no such page.
 */
public record StaffPager(int number, int totalPages, long total, String previous, String next) {

    static StaffPager of(Page<?> page, String path, Map<String, ?> keep, String param) {
        return new StaffPager(
                page.getNumber() + 1,
                Math.max(page.getTotalPages(), 1),
                page.getTotalElements(),
                page.hasPrevious() ? link(path, keep, param, page.getNumber() - 1) : null,
                page.hasNext() ? link(path, keep, param, page.getNumber() + 1) : null);
    }

    public boolean needed() {
        return previous != null || next != null;
    }

    private static String link(String path, Map<String, ?> keep, String param, int number) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        keep.forEach((name, value) -> {
            if (value != null && !name.equals(param)) {
                uri.queryParam(name, value);
            }
        });
        return uri.queryParam(param, number).encode().build().toUriString();
    }
}
