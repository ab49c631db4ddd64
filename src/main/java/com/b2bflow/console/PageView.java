package com.b2bflow.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of a console list, with the links to the previous and next page: the current URL with its filters and
 * only {@code page} replaced. Every console list takes {@code page} (0-based) and {@code size} (1 to 100, default 20).
 */
public record PageView<T>(List<T> items, int page, int size, long total, String previousUrl, String nextUrl) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** The page asked for, made sane: a negative page is the first, a size outside 1..100 the default. */
    public static Pageable request(Integer page, Integer size) {
        int number = page == null || page < 0 ? 0 : page;
        int length = size == null || size < 1 || size > MAX_SIZE ? DEFAULT_SIZE : size;
        return PageRequest.of(number, length);
    }

    public static <T> PageView<T> of(Page<T> page, HttpServletRequest request) {
        String query = request.getQueryString();
        return of(page, request.getRequestURI() + (query == null ? "" : "?" + query), "page");
    }

    /**
     * For a page with several lists, each paged by a parameter of its own: the links are {@code uri} (path and
     * query) with only {@code param} replaced.
     */
    public static <T> PageView<T> of(Page<T> page, String uri, String param) {
        return new PageView<>(
                page.getContent(),
                page.getNumber(),
                page.getSize(),
                page.getTotalElements(),
                page.hasPrevious() ? link(uri, param, page.getNumber() - 1) : null,
                page.hasNext() ? link(uri, param, page.getNumber() + 1) : null);
    }

    /** The number of the first item shown, counting from 1 (0 when there is none). */
    public long from() {
        return items.isEmpty() ? 0 : (long) page * size + 1;
    }

    public long to() {
        return (long) page * size + items.size();
    }

    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }

    private static String link(String uri, String param, int page) {
        return UriComponentsBuilder.fromUriString(uri)
                .replaceQueryParam(param, page)
                .build(true)
                .toUriString();
    }
}
