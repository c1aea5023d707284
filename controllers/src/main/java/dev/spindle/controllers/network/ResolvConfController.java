package dev.spindle.controllers.network;

import static dev.spindle.runtime.controller.Declaration.inputs;
import static dev.spindle.runtime.controller.Declaration.outputs;

import dev.spindle.resources.files.EtcFileSpec;
import dev.spindle.resources.files.FilesNamespaces;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.ResolverStatus;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.controller.Declaration;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.controller.Output;
import dev.spindle.runtime.controller.ReconcileContext;
import dev.spindle.runtime.controller.Result;
import dev.spindle.runtime.resource.Resource;
import java.util.List;
import java.util.Optional;

/**
 * The {@code resolv.conf} part of Talos's {@code network.EtcFileController}: renders the {@link ResolverStatus} into
 * the {@link EtcFileSpec} {@code resolv.conf} (mode 0644, {@link ResolvConf#render}); the files domain writes it to
 * disk. Plain-DNS servers beyond libc's three are left out with one warning per change naming them.
 *
 * <p>Without a resolver status the spec is left as it was, as in Talos: a resolver change in flight must not empty
 * the node's resolv.conf. The output is shared because other renderers (the CA bundle) write {@code EtcFileSpec}s too.
 * Not yet as in Talos: no host DNS (the local forwarder at 127.0.0.53 and the pod-facing copy) and no
 * {@code /etc/hosts}.
 */
public final class ResolvConfController implements Controller {
  public static final String ID = "resolv.conf";
  public static final int MODE = 0644;

  private final WarnOnce warnings = new WarnOnce(name());

  @Override
  public Declaration declare() {
    return Declaration.of(inputs(Input.weak(ResolverStatus.DEFINITION).withId(ResolverStatus.ID)),
        outputs(Output.shared(EtcFileSpec.DEFINITION)));
  }

  @Override
  public Result reconcile(ReconcileContext ctx) {
    Optional<ResolverStatus> status = ctx.find(ResolverStatus.DEFINITION, ResolverStatus.ID).map(Resource::spec);
    if (status.isEmpty()) {
      return Result.done();
    }
    List<IpAddr> dropped = ResolvConf.dropped(status.get());
    if (dropped.isEmpty()) {
      warnings.clear(ID);
    } else {
      warnings.warn(ID, "resolv.conf holds only the first " + ResolvConf.MAX_NAMESERVERS
          + " plain DNS servers (libc's MAXNS); leaving out " + dropped);
    }
    ctx.put(Resource.of(EtcFileSpec.DEFINITION, FilesNamespaces.FILES, ID,
        new EtcFileSpec(ResolvConf.render(status.get()), MODE)));
    return Result.done();
  }
}
