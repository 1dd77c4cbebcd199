package io.github.occam.examples.logistic;

import java.util.function.DoubleFunction;

/**
 * Puts the lambda and the label set into the message of a failure of the numerics, so that the
 * command line's one line names the value that failed:
 * {@code error: a computation failed: --lambdas 1.0E308 (random labels): ...}. The exception
 * keeps its type, and with it its exit code (an {@link IllegalArgumentException} is the user's,
 * an {@link ArithmeticException} a failed computation).
 *
 * <pre>{@code
 * List<ResultRow> rows = Sweep.run(tasks, grid, bias, Guarded.evaluator(evaluator), onPointDone);
 * }</pre>
 */
final class Guarded {

    private Guarded() {
    }

    /** Returns {@code evaluator} with every failure at a lambda named by lambda and labels. */
    static Evaluator evaluator(Evaluator evaluator) {
        return (task, bias) -> {
            DoubleFunction<ResultRow> atLambda = evaluator.prepare(task, bias);
            return lambda -> {
                try {
                    return atLambda.apply(lambda);
                } catch (ArithmeticException | IllegalArgumentException
                        | IllegalStateException e) {
                    throw withContext("--lambdas " + lambda + " (" + task.labels() + " labels)",
                            e);
                }
            };
        };
    }

    /** Returns an exception of the same kind as {@code e}, its message prefixed by context. */
    static RuntimeException withContext(String context, RuntimeException e) {
        String message = context + ": " + (e.getMessage() == null ? e.getClass().getName()
                : e.getMessage());
        if (e instanceof IllegalArgumentException) {
            return new IllegalArgumentException(message, e);
        }
        if (e instanceof ArithmeticException) {
            ArithmeticException failed = new ArithmeticException(message);
            failed.initCause(e);
            return failed;
        }
        return new IllegalStateException(message, e);
    }
}
