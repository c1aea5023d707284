package dev.spindle.resources.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelIssue;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructTypeReference;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The CEL environment of link selectors, as Talos's {@code celenv.LinkLocator}: one variable, {@code link} (a
 * {@link LinkStatusMessage}), and two functions besides CEL's standard ones, {@code glob(pattern, text)} (the glob
 * of device selectors) and {@code mac(bytes)} (a hardware address as {@code aa:bb:cc:dd:ee:ff}). An expression is
 * parsed and type-checked here and must be a {@code bool}, exactly as Talos's {@code ParseBooleanExpression}, so
 * {@code link.mtu == 1500} (an {@code int} against a {@code uint}) is refused in both.
 *
 * <p>Only the declarations live here; the runtime that binds {@code glob} and {@code mac} and evaluates is the
 * controller's ({@code dev.spindle.controllers.network.LinkSelectors}), where the glob of device selectors lives.
 */
public final class LinkLocator {
  /** The overload ids the runtime binds, Talos's names. */
  public static final String GLOB_OVERLOAD = "glob_string_string";
  public static final String MAC_OVERLOAD = "mac_bytes";
  /** The one variable of the environment. */
  public static final String LINK = "link";

  private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
      // cel-go's environment has the standard macros (has, all, exists, exists_one, map, filter); cel-java needs them
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
      .addMessageTypes(LinkStatusMessage.descriptor())
      .addVar(LINK, StructTypeReference.create(LinkStatusMessage.TYPE_NAME))
      .addFunctionDeclarations(
          CelFunctionDecl.newFunctionDeclaration("glob",
              CelOverloadDecl.newGlobalOverload(GLOB_OVERLOAD, SimpleType.BOOL, SimpleType.STRING, SimpleType.STRING)),
          CelFunctionDecl.newFunctionDeclaration("mac",
              CelOverloadDecl.newGlobalOverload(MAC_OVERLOAD, SimpleType.STRING, SimpleType.BYTES)))
      .build();

  /** {@code false}: selects no link; stands in for an expression that did not compile in a rejected document. */
  public static final CelExpression NONE = compileConstant("false");

  private LinkLocator() {}

  private static CelExpression compileConstant(String text) {
    try {
      return compile(text);
    } catch (InvalidCelExpressionException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * Parses and checks {@code text} as a boolean expression over {@code link}.
   *
   * @throws InvalidCelExpressionException with CEL's own message (line, column, what is wrong) when it does not
   *     parse, does not type-check, or is not a {@code bool}
   */
  public static CelExpression compile(String text) throws InvalidCelExpressionException {
    CelValidationResult result = COMPILER.compile(text);
    CelAbstractSyntaxTree ast;
    try {
      ast = result.getAst();
    } catch (CelValidationException e) {
      throw new InvalidCelExpressionException(describe(e.getErrors()));
    }
    if (!ast.getResultType().equals(SimpleType.BOOL)) {
      throw new InvalidCelExpressionException(
          "expression output type is " + ast.getResultType().name() + ", expected bool");
    }
    return new CelExpression(text, ast);
  }

  /**
   * CEL's errors on one line each joined by {@code "; "}, each at its place in the expression ({@code 1:6} is line 1,
   * column 6, counted from 1), without CEL's snippet-and-caret lines, which a one-line config error cannot show.
   */
  private static String describe(List<CelIssue> issues) {
    return issues.stream()
        .map(issue -> {
          CelSourceLocation at = issue.getSourceLocation();
          return at.equals(CelSourceLocation.NONE) ? issue.getMessage()
              : at.getLine() + ":" + (at.getColumn() + 1) + ": " + issue.getMessage();
        })
        .collect(Collectors.joining("; "));
  }
}
