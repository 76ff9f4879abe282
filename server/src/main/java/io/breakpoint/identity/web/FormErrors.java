package io.breakpoint.identity.web;

import io.breakpoint.common.InvalidRequestException;

import java.util.LinkedHashMap;
import java.util.Map;

/** Messages per form field, in the order found; the templates show each next to its input and all at the top. */
final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    void add(String field, String message) {
        byField.merge(field, message, (a, b) -> a + "\n" + b);
    }

    void add(InvalidRequestException e) {
        add(e.field() == null ? "form" : e.field(), e.getMessage());
    }

    boolean isEmpty() {
        return byField.isEmpty();
    }

    Map<String, String> asMap() {
        return byField;
    }
}
