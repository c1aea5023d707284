package dev.spindle.runtime.controller;

/** A controller assembled from a name, a declaration and a reconcile function, for runtime tests. */
record TestController(String name, Declaration declaration, Body body) implements Controller {
  @FunctionalInterface
  interface Body {
    Result reconcile(ReconcileContext ctx) throws Exception;
  }

  @Override
  public Declaration declare() {
    return declaration;
  }

  @Override
  public Result reconcile(ReconcileContext ctx) throws Exception {
    return body.reconcile(ctx);
  }
}
