package fr.creneau.backend.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A GET or HEAD carries no body (RFC 9110 gives one no meaning), so a Content-Type on it describes nothing. Dropped
 * before matching, so that a read on a resource whose class consumes JSON does not answer 415 to a client that
 * labels every request, as some HTTP stacks label theirs as a form.
 */
public class BodilessReadFilter {

    @ServerRequestFilter(preMatching = true)
    public void dropContentTypeOfReads(ContainerRequestContext request) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
    }
}
