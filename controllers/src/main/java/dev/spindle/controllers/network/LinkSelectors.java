package dev.spindle.controllers.network;

import dev.cel.common.values.CelByteString;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.spindle.resources.cel.CelExpression;
import dev.spindle.resources.cel.LinkLocator;
import dev.spindle.resources.cel.LinkStatusMessage;
import dev.spindle.resources.network.HardwareAddr;
import dev.spindle.resources.network.LinkStatus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates link selectors (CEL expressions compiled by {@link LinkLocator}) over a {@link LinkStatus}, as Talos's
 * {@code Expression.EvalBool(celenv.LinkLocator(), {"link": spec})}: the link is Talos's {@code LinkStatusSpec}
 * message ({@link LinkStatusMessage}), {@code glob} is the glob of device selectors ({@link Glob}) and {@code mac}
 * renders bytes as Go's {@code net.HardwareAddr.String()} does ({@code aa:bb:…}, empty for none). Programs are
 * planned once per expression and kept; evaluation is pure and thread-safe.
 */
public final class LinkSelectors {
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
      .addMessageTypes(LinkStatusMessage.descriptor())
      .addFunctionBindings(
          CelFunctionBinding.from(LinkLocator.GLOB_OVERLOAD, String.class, String.class, Glob::matches),
          CelFunctionBinding.from(LinkLocator.MAC_OVERLOAD, CelByteString.class,
              bytes -> HardwareAddr.of(bytes.toByteArray()).toString()))
      .build();

  private static final int MAX_PROGRAMS = 64;

  private final Map<CelExpression, CelRuntime.Program> programs = new ConcurrentHashMap<>();

  /** Whether {@code expression} selects {@code link}. */
  public boolean matches(CelExpression expression, LinkStatus link) throws LinkSelectorException {
    try {
      Object result = program(expression).eval(Map.of(LinkLocator.LINK, LinkStatusMessage.of(link)));
      if (!(result instanceof Boolean b)) {
        throw new LinkSelectorException("expression output is " + result + ", expected bool");
      }
      return b;
    } catch (CelEvaluationException e) {
      throw new LinkSelectorException(e.getMessage());
    }
  }

  private CelRuntime.Program program(CelExpression expression) throws CelEvaluationException {
    CelRuntime.Program program = programs.get(expression);
    if (program == null) {
      if (programs.size() >= MAX_PROGRAMS) {
        programs.clear(); // configurations come and go; never grow without bound
      }
      program = RUNTIME.createProgram(expression.ast());
      programs.put(expression, program);
    }
    return program;
  }

  /** A selector that compiled but failed at evaluation (an index out of range, a bad conversion); CEL's message. */
  public static final class LinkSelectorException extends Exception {
    LinkSelectorException(String message) {
      super(message);
    }
  }
}
