package dev.salesbot.sync.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The failsafe execution an IT class is written for, named by its settings file:
 * {@value #LOCAL_STORAGE} or {@value #SPACES}. {@code -Dit.test=…} selects the class in both
 * executions; in the other one each of its tests is skipped. Skipped test by test, not the whole
 * class, so that the execution still ran tests and failsafe writes the summary the verify goal reads
 * (an Arquillian class still starts its server there).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ItExecution.Condition.class)
public @interface ItExecution {

    String LOCAL_STORAGE = "it.properties";
    String SPACES = "it-s3.properties";

    String value();

    /** Enables a test only in the execution whose {@code it.settings} its class names. */
    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (context.getTestMethod().isEmpty()) {
                return ConditionEvaluationResult.enabled("decided test by test");
            }
            String wanted = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), ItExecution.class)
                    .map(ItExecution::value).orElseThrow();
            String running = System.getProperty("it.settings");
            return wanted.equals(running)
                    ? ConditionEvaluationResult.enabled("the " + wanted + " execution")
                    : ConditionEvaluationResult.disabled("written for the " + wanted + " execution, not " + running);
        }
    }
}
