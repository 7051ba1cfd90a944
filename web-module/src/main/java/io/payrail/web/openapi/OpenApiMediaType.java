package io.payrail.web.openapi;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;

/**
 * {@code /openapi} as {@code application/yaml}, the media type YAML is registered under (RFC 9512).
 * Payara adds its MicroProfile OpenAPI servlet to the application at the context root, this one,
 * so this filter (web.xml) sees its requests: Payara writes YAML as {@code text/plain} and answers
 * {@code Accept: application/yaml} with 406. The filter asks Payara for its YAML when YAML is
 * wanted and relabels the answer; JSON ({@code Accept: application/json} or {@code ?format=JSON})
 * passes through as Payara serves it.
 */
public class OpenApiMediaType extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String YAML = "application/yaml";
    private static final String PAYARA_YAML = "text/plain";
    private static final String ACCEPT = "Accept";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return ACCEPT.equalsIgnoreCase(name) ? accept(super.getHeader(name)) : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                if (!ACCEPT.equalsIgnoreCase(name)) {
                    return super.getHeaders(name);
                }
                return Collections.enumeration(Collections.list(super.getHeaders(name)).stream()
                        .map(OpenApiMediaType::accept).toList());
            }
        }, new HttpServletResponseWrapper(response) {
            @Override
            public void setContentType(String type) {
                super.setContentType(contentType(type));
            }

            @Override
            public void setHeader(String name, String value) {
                super.setHeader(name, "Content-Type".equalsIgnoreCase(name) ? contentType(value) : value);
            }

            @Override
            public void addHeader(String name, String value) {
                super.addHeader(name, "Content-Type".equalsIgnoreCase(name) ? contentType(value) : value);
            }
        });
    }

    /** An Accept that names YAML, with YAML spelled the way Payara's endpoint produces it. */
    static String accept(String accept) {
        return accept == null ? null : accept.replaceAll("(?i)application/(x-)?yaml|text/(x-)?yaml", PAYARA_YAML);
    }

    /** Payara's YAML relabelled; any other type as it is. */
    static String contentType(String type) {
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(PAYARA_YAML)
                ? YAML + type.substring(PAYARA_YAML.length()) : type;
    }
}
