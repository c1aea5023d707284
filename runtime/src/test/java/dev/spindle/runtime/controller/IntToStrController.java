package dev.spindle.runtime.controller;

import static dev.spindle.runtime.controller.Declaration.inputs;
import static dev.spindle.runtime.controller.Declaration.outputs;

import dev.spindle.runtime.resource.Phase;
import dev.spindle.runtime.resource.Resource;

/**
 * COSI's IntToStr: derives a string per integer, holds each integer with a finalizer while its string exists, and on
 * teardown of an integer tears its string down and waits (DESTROY_READY) before releasing the integer.
 */
final class IntToStrController implements Controller {
  static final String FINALIZER = "test.IntToStrController";

  @Override
  public Declaration declare() {
    return Declaration.of(
        inputs(Input.strong(IntSpec.DEFINITION), Input.destroyReady(StrSpec.DEFINITION)),
        outputs(Output.exclusive(StrSpec.DEFINITION)));
  }

  @Override
  public Result reconcile(ReconcileContext ctx) {
    for (Resource<IntSpec> in : ctx.list(IntSpec.DEFINITION)) {
      var out = StrSpec.DEFINITION.pointer(in.id());
      if (in.metadata().phase() == Phase.RUNNING) {
        ctx.addFinalizers(in.pointer(), FINALIZER);
        ctx.put(Resource.of(StrSpec.DEFINITION, in.id(), new StrSpec(Integer.toString(in.spec().value()))));
      } else if (ctx.teardownAndDestroy(out)) {
        ctx.removeFinalizers(in.pointer(), FINALIZER);
      }
    }
    return Result.done();
  }
}
