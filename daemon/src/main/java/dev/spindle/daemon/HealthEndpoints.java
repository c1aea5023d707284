package dev.spindle.daemon;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Liveness and readiness in the Kubernetes style; metrics are at {@code /metrics} (Prometheus). */
@Path("/")
public class HealthEndpoints {
  @Inject
  SpindleNode node;

  @GET
  @Path("healthz")
  @Produces(MediaType.TEXT_PLAIN)
  public String healthz() {
    return "ok\n";
  }

  @GET
  @Path("readyz")
  @Produces(MediaType.TEXT_PLAIN)
  public Response readyz() {
    return node.ready() ? Response.ok("ready\n").build()
        : Response.status(Response.Status.SERVICE_UNAVAILABLE).entity("starting\n").build();
  }
}
