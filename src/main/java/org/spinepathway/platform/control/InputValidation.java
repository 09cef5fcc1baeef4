package org.spinepathway.platform.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

/** Bean Validation of an input object, turned into field errors named as the client named the fields. */
public final class InputValidation {

    private InputValidation() {
    }

    public static List<FieldError> errorsOf(Validator validator, Object input) {
        Set<ConstraintViolation<Object>> violations = validator.validate(input);
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<Object> violation : violations) {
            errors.add(new FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field, Comparator.nullsFirst(Comparator.naturalOrder())));
        return errors;
    }

    /** Throws {@link InvalidInputException} with every problem found, the extra ones included. */
    public static void require(Validator validator, Object input, List<FieldError> extra) {
        List<FieldError> errors = new ArrayList<>(errorsOf(validator, input));
        errors.addAll(extra);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static String fieldName(Path path) {
        StringBuilder name = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                // An element of a list: "disabilityAnswers[3]", not "disabilityAnswers.<list element>".
                if (node.getIndex() != null) {
                    name.append('[').append(node.getIndex()).append(']');
                }
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(node.getName());
            if (node.getIndex() != null) {
                name.append('[').append(node.getIndex()).append(']');
            }
        }
        return name.isEmpty() ? null : name.toString();
    }
}
