package org.hearth.platform.web;

import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.ProblemType;
import org.springframework.data.domain.PageRequest;

/** Paging rules of every list endpoint: pages from 0, 50 items by default, at most 200. */
public final class Paging {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    private Paging() {}

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw new ApiException(ProblemType.VALIDATION_FAILED, "page must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new ApiException(ProblemType.VALIDATION_FAILED, "size must be between 1 and " + MAX_SIZE);
        }
        return PageRequest.of(p, s);
    }
}
