package fr.creneau.backend.auth;

import fr.creneau.model.api.LoginRequest;
import fr.creneau.model.api.RefreshRequest;
import fr.creneau.model.api.RegisterRequest;
import fr.creneau.model.api.TokenResponse;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/auth")
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class AuthResource {

    @Inject
    AuthService auth;

    @Inject
    TokenService tokens;

    @POST
    @Path("register")
    public Uni<Response> register(RegisterRequest request) {
        return auth.register(body(request))
                .map(r -> Response.status(Response.Status.CREATED).entity(r).build());
    }

    @POST
    @Path("login")
    public Uni<TokenResponse> login(LoginRequest request) {
        return auth.login(body(request));
    }

    @POST
    @Path("refresh")
    public Uni<TokenResponse> refresh(RefreshRequest request) {
        return tokens.refresh(body(request));
    }

    @POST
    @Path("logout")
    public Uni<Response> logout(RefreshRequest request) {
        return tokens.logout(body(request)).map(v -> Response.noContent().build());
    }

    static <T> T body(T request) {
        if (request == null) {
            throw fr.creneau.backend.platform.ProblemException.invalid("body", "required", "is required");
        }
        return request;
    }
}
