package dev.spindle.runtime.demo;

import static dev.spindle.runtime.controller.Declaration.inputs;
import static dev.spindle.runtime.controller.Declaration.outputs;

import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.controller.Declaration;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.controller.Output;
import dev.spindle.runtime.controller.ReconcileContext;
import dev.spindle.runtime.controller.Result;
import dev.spindle.runtime.resource.Resource;
import java.util.Locale;

/** Derives one {@link Banner} per {@link Greeting}; banners of deleted greetings are cleaned up by the runtime. */
public final class BannerController implements Controller {
  @Override
  public Declaration declare() {
    return Declaration.of(
        inputs(Input.weak(Greeting.DEFINITION)),
        outputs(Output.exclusive(Banner.DEFINITION).cleanupUntouched()));
  }

  @Override
  public Result reconcile(ReconcileContext ctx) {
    for (Resource<Greeting> greeting : ctx.list(Greeting.DEFINITION)) {
      String text = ("Hello, " + greeting.spec().name() + "!").toUpperCase(Locale.ROOT);
      ctx.put(Resource.of(Banner.DEFINITION, greeting.id(), new Banner(text, text.length())));
    }
    return Result.done();
  }
}
